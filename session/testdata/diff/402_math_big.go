package main

import (
	"fmt"
	"math/big"
)

func main() {
	f := new(big.Int).MulRange(1, 30)
	fmt.Println(f)
	a, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	b := big.NewInt(987654321)
	var q, r big.Int
	q.DivMod(a, b, &r)
	fmt.Println(q.String(), r.String())
	fmt.Println(new(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil))
	x := big.NewRat(1, 3)
	y := big.NewRat(1, 6)
	fmt.Println(new(big.Rat).Add(x, y), a.Cmp(b), a.BitLen())
}
