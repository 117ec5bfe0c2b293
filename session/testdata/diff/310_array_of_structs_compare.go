package main

import "fmt"

type Card struct {
	Rank int
	Suit byte
}

func main() {
	hand1 := [2]Card{{10, 'H'}, {11, 'S'}}
	hand2 := [2]Card{{10, 'H'}, {11, 'S'}}
	fmt.Println(hand1 == hand2)
	hand2[1].Suit = 'D'
	fmt.Println(hand1 == hand2)
	seen := map[[2]Card]bool{hand1: true}
	fmt.Println(seen[hand1], seen[hand2])
	fmt.Printf("%v %c\n", hand1[0].Rank, hand2[1].Suit)
}
