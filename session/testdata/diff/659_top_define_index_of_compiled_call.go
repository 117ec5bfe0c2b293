// A top-level define of an element of a compiled function's result
// (firstLine := strings.SplitN(secret, "\n", 2)[0], in main's body run as
// top-level statements): yaegi failed with "constant definition loop".
package main

import (
	"fmt"
	"strings"
)

const plain = `ab
cd`

func main() {
	secret := plain + "x"
	firstLine := strings.SplitN(secret, "\n", 2)[0]
	fmt.Println("ciphertext:", firstLine)
	word, rest := strings.Fields("go is fun")[0], strings.Fields("a b c")[1:]
	last := strings.Split("x,y,z", ",")[2] + "!"
	fmt.Println(word, rest, last, len(strings.Fields(secret)[0]))
}
