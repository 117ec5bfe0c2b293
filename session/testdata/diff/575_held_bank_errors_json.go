package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Account struct {
	ID      string  `json:"id"`
	Owner   string  `json:"owner"`
	Balance Money   `json:"balance"`
	History []Entry `json:"history,omitempty"`
}

type Entry struct {
	Kind   string `json:"kind"`
	Amount Money  `json:"amount"`
}

type InsufficientFunds struct {
	Need, Have Money
}

func (e InsufficientFunds) Error() string {
	return fmt.Sprintf("insufficient funds: need %v, have %v", e.Need, e.Have)
}

var ErrUnknownAccount = errors.New("unknown account")

type Bank struct {
	accounts map[string]*Account
}

func (b *Bank) get(id string) (*Account, error) {
	a, ok := b.accounts[id]
	if !ok {
		return nil, fmt.Errorf("account %q: %w", id, ErrUnknownAccount)
	}
	return a, nil
}

func (b *Bank) Transfer(from, to string, amt Money) error {
	src, err := b.get(from)
	if err != nil {
		return err
	}
	dst, err := b.get(to)
	if err != nil {
		return err
	}
	if src.Balance < amt {
		return fmt.Errorf("transfer %s->%s: %w", from, to, &InsufficientFunds{amt, src.Balance})
	}
	src.Balance -= amt
	dst.Balance += amt
	src.History = append(src.History, Entry{"debit", amt})
	dst.History = append(dst.History, Entry{"credit", amt})
	return nil
}

func parseAmount(s string) (Money, error) {
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.Atoi(whole)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", s, err)
	}
	f := 0
	if frac != "" {
		if f, err = strconv.Atoi((frac + "0")[:2]); err != nil {
			return 0, fmt.Errorf("amount %q: %w", s, err)
		}
	}
	return Money(w*100 + f), nil
}

func main() {
	b := &Bank{accounts: map[string]*Account{
		"a1": {ID: "a1", Owner: "Ana", Balance: 10000},
		"b2": {ID: "b2", Owner: "Ben", Balance: 2550},
	}}
	ops := []struct{ from, to, amt string }{
		{"a1", "b2", "12.5"}, {"b2", "a1", "100"}, {"a1", "zz", "1"}, {"b2", "a1", "x1"}, {"a1", "b2", "0.07"},
	}
	for _, op := range ops {
		amt, err := parseAmount(op.amt)
		if err == nil {
			err = b.Transfer(op.from, op.to, amt)
		}
		var inf *InsufficientFunds
		var num *strconv.NumError
		switch {
		case err == nil:
			fmt.Println("ok", op.from, "->", op.to, amt)
		case errors.As(err, &inf):
			fmt.Println("short by", inf.Need-inf.Have, "|", err)
		case errors.Is(err, ErrUnknownAccount):
			fmt.Println("unknown:", err)
		case errors.As(err, &num):
			fmt.Println("bad number", num.Num, num.Func, "|", err)
		default:
			fmt.Println("other", err)
		}
	}
	ids := make([]string, 0)
	for id := range b.accounts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := b.accounts[id]
		fmt.Printf("%s %-4s %8v %d entries\n", a.ID, a.Owner, a.Balance, len(a.History))
	}
	out, _ := json.MarshalIndent(b.accounts["b2"], "", " ")
	fmt.Println(string(out))
	var back Account
	if err := json.Unmarshal(out, &back); err != nil {
		fmt.Println(err)
	}
	fmt.Println(back.Balance, back.History[0].Amount, back.History[0])
	var sum Money
	for _, id := range ids {
		sum += b.accounts[id].Balance
	}
	fmt.Println("total", sum, sum == 12550)
}
