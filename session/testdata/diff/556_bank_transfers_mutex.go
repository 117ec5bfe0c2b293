package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type AccountID string

type Cents int64

func (c Cents) String() string { return fmt.Sprintf("$%d.%02d", c/100, c%100) }

type Account struct {
	mu      sync.Mutex
	ID      AccountID
	Balance Cents
}

var ErrInsufficient = errors.New("insufficient funds")

type TransferError struct {
	From, To AccountID
	Amount   Cents
	Err      error
}

func (e *TransferError) Error() string {
	return fmt.Sprintf("transfer %v from %s to %s: %v", e.Amount, e.From, e.To, e.Err)
}

func (e *TransferError) Unwrap() error { return e.Err }

type Bank struct {
	accounts map[AccountID]*Account
	ops      atomic.Int64
}

func (b *Bank) Transfer(from, to AccountID, amt Cents) error {
	b.ops.Add(1)
	a, c := b.accounts[from], b.accounts[to]
	first, second := a, c
	if from > to {
		first, second = c, a
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if a.Balance < amt {
		return &TransferError{from, to, amt, ErrInsufficient}
	}
	a.Balance -= amt
	c.Balance += amt
	return nil
}

func main() {
	b := &Bank{accounts: map[AccountID]*Account{}}
	for _, id := range []AccountID{"alice", "bob", "carol"} {
		b.accounts[id] = &Account{ID: id, Balance: 1_000_000} // more than any order of the transfers takes
	}
	var wg sync.WaitGroup
	var failed atomic.Int32
	ids := []AccountID{"alice", "bob", "carol"}
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := b.Transfer(ids[i%3], ids[(i+1)%3], Cents(i%7*100)); err != nil {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	total := Cents(0)
	keys := make([]string, 0)
	for id := range b.accounts {
		keys = append(keys, string(id))
	}
	sort.Strings(keys)
	for _, k := range keys {
		total += b.accounts[AccountID(k)].Balance
	}
	fmt.Println("total", total, "ops", b.ops.Load(), "failed", failed.Load())
	err := b.Transfer("alice", "bob", 100_000_000)
	te, ok := err.(*TransferError)
	fmt.Println(err, errors.Is(err, ErrInsufficient), ok && te.Amount > 0)
}
