// Values of named non-struct types of the cells in a fmt.Stringer or an
// error: %T, assertions, type switches, errors.As and errors.Is by value.
package main

import (
	"errors"
	"fmt"
)

type Celsius float64
type Fahrenheit float64

func (c Celsius) String() string    { return fmt.Sprintf("%.1f°C", float64(c)) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.1f°F", float64(f)) }

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

type PCode int

func (c *PCode) Error() string { return fmt.Sprint("pcode ", int(*c)) }

type Tags []string

func (t Tags) String() string { return fmt.Sprint(len(t), " tags") }

func pick(i int) fmt.Stringer {
	switch i {
	case 0:
		return Celsius(20)
	case 1:
		return Fahrenheit(68)
	}
	return Tags{"a", "b"}
}

func main() {
	for i := 0; i < 3; i++ {
		s := pick(i)
		fmt.Printf("%v %T\n", s, s)
		if c, ok := s.(Celsius); ok {
			fmt.Println("celsius", float64(c))
		}
		switch v := s.(type) {
		case Fahrenheit:
			fmt.Println("fahrenheit", float64(v))
		case Tags:
			fmt.Println("tags", len(v))
		}
	}
	pc := PCode(4)
	errs := []error{Code(3), &pc, errors.New("plain")}
	for _, e := range errs {
		fmt.Printf("%v %T\n", e, e)
	}
	var c Code
	fmt.Println(errors.As(errs[0], &c), c)
	fmt.Println(errors.Is(errs[0], Code(3)))
}
