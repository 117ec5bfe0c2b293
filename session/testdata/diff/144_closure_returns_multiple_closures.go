package main

import "fmt"

type account struct {
	deposit  func(int)
	withdraw func(int) bool
	balance  func() int
}

func newAccount() account {
	bal := 0
	return account{
		deposit: func(n int) { bal += n },
		withdraw: func(n int) bool {
			if n > bal {
				return false
			}
			bal -= n
			return true
		},
		balance: func() int { return bal },
	}
}

func main() {
	a := newAccount()
	a.deposit(100)
	fmt.Println(a.withdraw(30), a.withdraw(100), a.balance())
}
