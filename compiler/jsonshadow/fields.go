package jsonshadow

import (
	"cmp"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// jsonField is a field of a struct as encoding/json sees it, promoted
// fields of embedded structs included: the path to it from the struct
// (p.name), its name in the shadow, its type, its tag (as the shadow
// writes it) and options.
type jsonField struct {
	name             string // the path from the struct: "Meta.Service"
	shadowName       string
	typ              types.Type
	tag              string
	omitEmpty, omitZ bool
	quoted           bool // the ,string option
	// ptrs are the embedded pointers on the path ("Meta" of *Meta), and
	// the types they point to: a nil one hides the field.
	ptrs     []string
	ptrElems []types.Type
	index    []int
	tagged   bool
	json     string // its name in JSON
}

// tagLit is a struct tag as Go source.
func tagLit(tag string) string {
	if tag == "" {
		return ""
	}
	return " " + strconv.Quote(tag)
}

// fields returns the fields of st that encoding/json encodes and decodes,
// in its order, with the fields of embedded structs promoted as its
// typeFields promotes them (the shallowest wins, then the one tagged; a
// tie hides them all).
func fields(st *types.Struct) ([]jsonField, error) {
	type level struct {
		st       *types.Struct
		path     string
		ptrs     []string
		ptrElems []types.Type
		index    []int
	}
	var all []jsonField
	visited := map[*types.Struct]bool{}
	for current := []level{{st: st}}; len(current) > 0; {
		var next []level
		for _, l := range current {
			if visited[l.st] {
				continue
			}
			visited[l.st] = true
			for i := 0; i < l.st.NumFields(); i++ {
				f := l.st.Field(i)
				tag := reflect.StructTag(l.st.Tag(i)).Get("json")
				if tag == "-" {
					continue
				}
				ft := f.Type()
				ptr, isPtr := ft.Underlying().(*types.Pointer)
				if isPtr && f.Embedded() {
					ft = ptr.Elem()
				}
				fst, isStruct := ft.Underlying().(*types.Struct)
				if f.Embedded() && !f.Exported() && !isStruct || !f.Embedded() && !f.Exported() {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				index := append(slices.Clone(l.index), i)
				if name == "" && f.Embedded() && isStruct {
					n := level{fst, l.path + f.Name() + ".", l.ptrs, l.ptrElems, index}
					if isPtr {
						if !f.Exported() {
							continue // encoding/json cannot set it either: ignored
						}
						n.ptrs = append(slices.Clone(l.ptrs), l.path+f.Name())
						n.ptrElems = append(slices.Clone(l.ptrElems), ft)
					}
					next = append(next, n)
					continue
				}
				jf := jsonField{name: l.path + f.Name(), shadowName: f.Name(), typ: f.Type(), tag: l.st.Tag(i),
					ptrs: l.ptrs, ptrElems: l.ptrElems, index: index, tagged: name != "", json: name}
				if jf.json == "" {
					jf.json = f.Name()
				}
				for _, o := range strings.Split(opts, ",") {
					jf.omitEmpty = jf.omitEmpty || o == "omitempty"
					jf.omitZ = jf.omitZ || o == "omitzero"
					jf.quoted = jf.quoted || o == "string"
				}
				if f.Embedded() || len(index) > 1 {
					jf.shadowName = fmt.Sprintf("GkField%d", len(all))
					jf.tag = `json:` + strconv.Quote(strings.TrimSuffix(jf.json+","+opts, ","))
					if l.path != "" {
						// the embedded structs' names, in the decoder's errors
						jf.tag += ` gkpath:` + strconv.Quote(strings.TrimSuffix(l.path, "."))
					}
				}
				all = append(all, jf)
			}
		}
		current = next
	}
	// the dominant field of each name
	var out []jsonField
	for _, f := range all {
		var rivals []jsonField
		for _, g := range all {
			if g.json == f.json {
				rivals = append(rivals, g)
			}
		}
		depth := slices.MinFunc(rivals, func(a, b jsonField) int { return cmp.Compare(len(a.index), len(b.index)) })
		rivals = slices.DeleteFunc(rivals, func(g jsonField) bool { return len(g.index) > len(depth.index) })
		if len(rivals) > 1 {
			tagged := slices.DeleteFunc(slices.Clone(rivals), func(g jsonField) bool { return !g.tagged })
			if len(tagged) != 1 {
				continue
			}
			rivals = tagged
		}
		if slices.Equal(rivals[0].index, f.index) {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b jsonField) int { return slices.Compare(a.index, b.index) })
	for _, f := range out {
		if len(f.ptrs) > 0 && f.quoted {
			return nil, fmt.Errorf("the field %s with the ,string option is behind the embedded pointer %s", f.name, f.ptrs[0])
		}
	}
	return out, nil
}

// nilPath writes the test that an embedded pointer on the path of f from
// p is nil, or "" if there is none.
func (f jsonField) nilPath() string {
	var tests []string
	for _, ptr := range f.ptrs {
		tests = append(tests, "p."+ptr+" == nil")
	}
	return strings.Join(tests, " || ")
}
