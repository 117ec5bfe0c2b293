package main

import (
	"fmt"
	"strings"
)

type Query struct {
	table string
	conds []string
	limit int
}

func From(t string) *Query             { return &Query{table: t} }
func (q *Query) Where(c string) *Query { q.conds = append(q.conds, c); return q }
func (q *Query) Limit(n int) *Query    { q.limit = n; return q }
func (q *Query) String() string {
	s := "SELECT * FROM " + q.table
	if len(q.conds) > 0 {
		s += " WHERE " + strings.Join(q.conds, " AND ")
	}
	if q.limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", q.limit)
	}
	return s
}

func main() {
	fmt.Println(From("users").Where("age > 18").Where("active").Limit(10))
	fmt.Println(From("t"))
}
