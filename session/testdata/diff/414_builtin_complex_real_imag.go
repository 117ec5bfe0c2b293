package main

import (
	"fmt"
	"math/cmplx"
)

func main() {
	c := complex(3, 4)
	fmt.Println(real(c), imag(c), cmplx.Abs(c))
	fmt.Println(c*c, c/complex(0, 1), cmplx.Conj(c))
	var c64 complex64 = complex(float32(1.5), 2)
	fmt.Printf("%T %v %T\n", c64, c64, real(c64))
	fmt.Printf("%.3f\n", cmplx.Sqrt(-1))
	fmt.Println(c == complex(3, 4), 1i*1i)
}
