package docparse

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestDbgCorpus(t *testing.T) {
	f := os.Getenv("DBGC")
	if f == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(f)
	dr, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	c := dr.Corpus()
	for k := range c.Tasks {
		c.Tasks[k].Text = ""
	}
	b, _ := json.MarshalIndent(c, "", " ")
	fmt.Println(string(b))
	for _, t := range dr.Tasks {
		fmt.Printf("TASK %s kind=%s dl=%s due=%v text=%q rr=%s head=%q\n", t.Ordinal, t.Kind, t.Deadline.Kind, t.Deadline.Due, t.Deadline.Text.Text, t.Deadline.Recurrence, t.Heading.Text)
	}
	fmt.Printf("acting=%q system=%s doctype=%s sub=%q\nwarn=%+v\n", dr.Header.ActingBody.Text, dr.Header.System, dr.Header.DocType, dr.Header.Subject.Text, dr.Warnings)
	for _, e := range dr.Distribution {
		fmt.Println("DIST", e.Kind, e.Text.Text)
	}
}

func TestDebugClause(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	toks := tokenize(s)
	os2, e := orgList(toks, 0)
	fmt.Println("list", len(os2), e, orgNames(toks, os2))
	dr := &Draft{}
	d := buildDoc(identity(s))
	var as assignSet
	analyze(d, dr, 0, len(d.t.s), &as)
	for _, a := range as.list {
		fmt.Printf("%s %s (%s)\n", a.Role, a.Name, a.Verb.Text)
	}
}
