package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 28, 23, 30, 0, 0, time.UTC)
	fmt.Println(t.Format(time.RFC3339))
	next := t.Add(2 * time.Hour)
	fmt.Println(next.Format("2006-01-02 15:04"), next.Weekday(), next.YearDay())
	fmt.Println(t.AddDate(0, 0, 2).Format("Jan 2, 2006"))
	fmt.Println(next.Sub(t), t.Before(next), t.Equal(t.Add(0)))
	p, err := time.Parse("2006-01-02", "2023-12-25")
	fmt.Println(p.Month(), p.Day(), err)
	fmt.Println(p.Unix())
}
