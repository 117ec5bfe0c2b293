package main

import "fmt"

func main() {
	var board [3][3]rune
	for i := range board {
		for j := range board[i] {
			board[i][j] = '.'
		}
	}
	board[1][1] = 'X'
	board[0][2] = 'O'
	for _, row := range board {
		fmt.Println(string(row[:]))
	}
	copyBoard := board
	copyBoard[2][0] = 'Z'
	fmt.Println(string(board[2][:]), string(copyBoard[2][:]))
}
