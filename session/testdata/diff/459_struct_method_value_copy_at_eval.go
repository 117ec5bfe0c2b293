package main

import "fmt"

type Cfg struct{ Level int }

func (c Cfg) Show() string { return fmt.Sprint("level ", c.Level) }

func main() {
	c := Cfg{1}
	shows := []func() string{}
	for i := range 3 {
		c.Level = i
		shows = append(shows, c.Show)
	}
	for _, s := range shows {
		fmt.Println(s())
	}
	pc := &c
	show := pc.Show
	pc.Level = 42
	fmt.Println(show())
}
