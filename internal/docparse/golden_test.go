package docparse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func corpusFiles(t testing.TB) []string {
	t.Helper()
	fs, err := filepath.Glob("testdata/corpus/*.txt")
	if err != nil || len(fs) == 0 {
		t.Fatalf("no corpus documents: %v", err)
	}
	return fs
}

func corpusJSON(t testing.TB, path string) (obj, []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dr, err := Parse(raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := json.MarshalIndent(dr.Corpus(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var got obj
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	return got, b
}

// TestGolden parses each corpus document and scores it against its
// expected JSON with the corpus scoring rules.
func TestGolden(t *testing.T) {
	for _, f := range corpusFiles(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			got, out := corpusJSON(t, f)
			raw, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			var gold obj
			if err := json.Unmarshal(raw, &gold); err != nil {
				t.Fatal(err)
			}
			parts, score := scoreParts(gold, got)
			t.Logf("%s score %.3f", name, score)
			if score < 0.95 {
				t.Errorf("%s: score %.3f < 0.95\n%s\noutput:\n%s", name, score, formatParts(parts), out)
			}
		})
	}
}

// TestWriteCorpusJSON writes NAME.json for each corpus document into the
// directory named by DOCPARSE_DUMP, for checking with the Python scorer.
func TestWriteCorpusJSON(t *testing.T) {
	dir := os.Getenv("DOCPARSE_DUMP")
	if dir == "" {
		t.Skip("set DOCPARSE_DUMP=dir to write the corpus JSON")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range corpusFiles(t) {
		_, out := corpusJSON(t, f)
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if err := os.WriteFile(filepath.Join(dir, name+".json"), append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
