package docparse

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestDebugDraft prints the Draft of the file named by DBGFILE.
func TestDebugDraft(t *testing.T) {
	f := os.Getenv("DBGFILE")
	if f == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(f)
	dr, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(dr, "", " ")
	fmt.Println(string(b))
	for _, r := range dr.References {
		fmt.Printf("REF %s %q cited=%q\n", r.Symbol.Text, string(raw[r.Symbol.Span.Start:r.Symbol.Span.End]), r.Cited.Text)
	}
	for _, t := range dr.Tasks {
		fmt.Printf("TASK %s kind=%s dl=%s due=%v text=%q rr=%s\n", t.Ordinal, t.Kind, t.Deadline.Kind, t.Deadline.Due, t.Deadline.Text.Text, t.Deadline.Recurrence)
		for _, a := range t.Assignments {
			fmt.Printf("   %s %q printed=%q verb=%q\n", a.Role, a.Name, string(raw[a.Span.Start:a.Span.End]), a.Verb.Text)
		}
	}
}
