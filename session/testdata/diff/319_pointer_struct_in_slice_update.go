package main

import "fmt"

type Player struct {
	Name  string
	Score int
}

func main() {
	players := []Player{{"a", 1}, {"b", 2}}
	best := &players[1]
	best.Score += 10
	fmt.Println(players)
	byName := map[string]*Player{}
	for i := range players {
		byName[players[i].Name] = &players[i]
	}
	byName["a"].Score = 50
	fmt.Println(players)
}
