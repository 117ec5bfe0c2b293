// A package whose path ends in a major version (math/rand/v2 is package
// rand) imported with the declarations and used only in main's body: the
// next cell said "undefined: rand" (the session named the import v2).
package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

type Deck []string

func NewDeck() Deck {
	var d Deck
	for _, s := range []string{"S", "H"} {
		for _, r := range strings.Split("A 2 3 4 5", " ") {
			d = append(d, r+s)
		}
	}
	return d
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	d := NewDeck()
	rng.Shuffle(len(d), func(i, j int) { d[i], d[j] = d[j], d[i] })
	fmt.Println(d)
	fmt.Println(rng.IntN(100), rng.IntN(100), rand.IntN(1) == 0)
}
