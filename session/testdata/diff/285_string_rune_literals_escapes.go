package main

import "fmt"

func main() {
	fmt.Println('a', '\n', '\x41', '\u00e9', '\U0001F600', '\'')
	s := "tab\there\nnew\\line \"q\" \u00e9 \xe4\xb8\x96"
	fmt.Println(s)
	fmt.Printf("%q\n", s)
	raw := `raw\n "str" \t`
	fmt.Println(raw, len(raw))
	fmt.Printf("%q\n", `multi
line`)
}
