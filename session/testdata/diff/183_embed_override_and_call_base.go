package main

import "fmt"

type Engine struct{ HP int }

func (e Engine) Start() string { return fmt.Sprintf("engine %dhp started", e.HP) }
func (e Engine) Stop() string  { return "engine stopped" }

type Car struct {
	Engine
	Model string
}

func (c Car) Start() string { return c.Model + ": " + c.Engine.Start() }

func main() {
	c := Car{Engine{200}, "Zoom"}
	fmt.Println(c.Start())
	fmt.Println(c.Stop())
	type Starter interface{ Start() string }
	for _, s := range []Starter{c, c.Engine} {
		fmt.Println(s.Start())
	}
}
