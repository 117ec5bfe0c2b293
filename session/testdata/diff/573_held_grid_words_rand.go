package main

import (
	"bufio"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"sync"
	"time"
)

type Coord struct{ X, Y int }

func (c Coord) Add(o Coord) Coord { return Coord{c.X + o.X, c.Y + o.Y} }

type Worker struct {
	ID    int
	Label string
}

func (w Worker) Run(out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	out <- fmt.Sprintf("%d:%s", w.ID, w.Label)
}

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	c.n[k]++
	c.mu.Unlock()
}

const text = `alpha beta
gamma alpha
beta alpha delta`

func main() {
	visits := map[Coord]int{}
	pos := Coord{}
	moves := []Coord{{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 0}}
	for _, m := range moves {
		pos = pos.Add(m)
		visits[pos]++
	}
	keys := make([]Coord, 0, len(visits))
	for k := range visits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].X != keys[j].X {
			return keys[i].X < keys[j].X
		}
		return keys[i].Y < keys[j].Y
	})
	for _, k := range keys {
		fmt.Print(k, "=", visits[k], " ")
	}
	fmt.Println(pos == Coord{1, 0}, visits[Coord{1, 0}])

	grid := [3][3]rune{}
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = '.'
		}
	}
	g2 := grid
	g2[1][1] = '#'
	fmt.Println(string(grid[1][:]), string(g2[1][:]))

	out := make(chan string, 4)
	var wg sync.WaitGroup
	for _, w := range []Worker{{1, "a"}, {2, "b"}, {3, "c"}} {
		wg.Add(1)
		go w.Run(out, &wg)
	}
	wg.Wait()
	close(out)
	var got []string
	for s := range out {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got)

	c := &Counter{n: map[string]int{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Split(bufio.ScanWords)
	var wg2 sync.WaitGroup
	for sc.Scan() {
		w := sc.Text()
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			c.Inc(w)
		}()
	}
	wg2.Wait()
	type kv struct {
		K string
		V int
	}
	var kvs []kv
	for k, v := range c.n {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].V > kvs[j].V || kvs[i].V == kvs[j].V && kvs[i].K < kvs[j].K })
	fmt.Printf("%v %+v\n", kvs, kvs[0])

	r := rand.New(rand.NewSource(42))
	var rolls []int
	for i := 0; i < 6; i++ {
		rolls = append(rolls, r.Intn(6)+1)
	}
	fmt.Println(rolls, r.Float64() < 1)
	perm := r.Perm(5)
	fmt.Println(perm)

	t := time.Date(2024, time.March, 15, 14, 30, 0, 0, time.UTC)
	fmt.Println(t.Format("2006-01-02 15:04"), t.Weekday(), t.YearDay(), t.Add(36*time.Hour).Format(time.RFC3339))
	d := t.Sub(time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(d, d.Hours(), t.Truncate(time.Hour).Format(time.Kitchen))
	anon := struct {
		Name string
		Tags []string
	}{"x", []string{"a", "b"}}
	fmt.Printf("%v %+v %T\n", anon, anon, anon.Tags)
}
