package docparse

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugClause(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	toks := tokenize(s)
	for k := 0; k < len(toks); k++ {
		if o, ok := parseOrg(toks, k); ok {
			fmt.Printf("org at %d: %q\n", k, joinToks(toks, o.a, o.b))
		}
	}
	os, e := orgList(toks, 0)
	fmt.Println("list", len(os), e, orgNames(toks, os))
	dr := &Draft{}
	d := buildDoc(identity(s))
	var as assignSet
	analyze(d, dr, 0, len(d.t.s), &as)
	for _, a := range as.list {
		fmt.Printf("%s %s (%s)\n", a.Role, a.Name, a.Verb.Text)
	}
}
