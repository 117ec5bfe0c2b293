package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

func main() {
	sum := sha256.Sum256([]byte("abc"))
	fmt.Printf("%T %d\n", sum, len(sum))
	fmt.Println(hex.EncodeToString(sum[:4]))
	fmt.Printf("%x\n", sum[:8])
	var key [4]byte
	copy(key[:], "wxyz")
	fmt.Println(key, string(key[:]))
}
