package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chidao parse prints the corpus form: one indented object for one file,
// one object per line for several; unreadable input fails clearly.
func TestParseCommand(t *testing.T) {
	r := run(t, time.Minute, env(), "parse", "testdata/1416-CV-QU.txt")
	if r.code != 0 {
		t.Fatalf("parse: exit %d\n%s", r.code, r.stderr)
	}
	var one struct {
		Symbol string `json:"symbol"`
		Tasks  []struct {
			Ordinal string `json:"ordinal"`
		} `json:"tasks"`
		Signer struct {
			Authority string `json:"authority"`
		} `json:"signer"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &one); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if one.Symbol != "1416-CV/QU" || len(one.Tasks) != 5 || one.Signer.Authority != "T/M" {
		t.Fatalf("parsed: %+v", one)
	}
	files, _ := filepath.Glob("testdata/*.txt")
	r = run(t, time.Minute, env(), append([]string{"parse"}, files...)...)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) != len(files) {
		t.Fatalf("parse of %d files: exit %d, %d lines\n%s", len(files), r.code, len(lines), r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "scan.bin")
	if err := os.WriteFile(bad, []byte{0x25, 0x50, 0x44, 0x46, 0, 0, 1, 2, 3}, 0o600); err != nil {
		t.Fatal(err)
	}
	r = run(t, time.Minute, env(), "parse", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "scan.bin") || !strings.Contains(r.stderr, "NUL") {
		t.Fatalf("binary input: exit %d, stderr %q", r.code, r.stderr)
	}
}

// graphDump reads, through GraphQL, everything an import writes — with
// names instead of ids, so two databases can be compared.
const graphDump = `{
  organizations(first: 1000, orderBy: [{field: NAME}]) { edges { node { name level system classification parent { name } } } }
  directives(first: 100, orderBy: [{field: SYMBOL}]) { edges { node {
    symbol number typeCode docType system issuerCode byReference place issueDate subject
    signerName signerPost authority authorityText onBehalfOf
    issuer { name } actingBody { name } signer { fullName }
    references(orderBy: {field: ORDINAL}) { edges { node { relation citedSymbol citedDate citedIssuerText target { symbol byReference } } } }
    recipients(orderBy: {field: ORDINAL}) { edges { node { kind text organization { name } } } }
    tasks(orderBy: {field: ORDINAL}) { edges { node { sectionPath text kind deadlineKind dueDate dueText recurrence
      assignments(orderBy: [{field: ROLE}, {field: ORGANIZATION_NAME}]) { edges { node { role verb organization { name } } } } } } }
  } } }
}`

// Importing 1416-CV/QU through the CLI and through GraphQL yields the same
// graph, and importing it again changes nothing.
func TestImportCLIAndGraphQLSameGraph(t *testing.T) {
	text, err := os.ReadFile("testdata/1416-CV-QU.txt")
	if err != nil {
		t.Fatal(err)
	}
	admin := []string{"CHIDAO_ADMIN_EMAIL=admin@chidao.test", "CHIDAO_ADMIN_PASSWORD=correct horse battery"}

	// Through the CLI.
	cliDir := t.TempDir()
	r := run(t, 2*time.Minute, env(), "import", "--data", cliDir, "testdata/1416-CV-QU.txt")
	if r.code != 0 || !strings.Contains(r.stdout, "created 1416-CV/QU (5 tasks") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	again := run(t, 2*time.Minute, env(), "import", "--data", cliDir, "testdata/1416-CV-QU.txt")
	if again.code != 0 || !strings.Contains(again.stdout, "updated 1416-CV/QU") || strings.Contains(again.stdout, "new organisations") {
		t.Fatalf("second import: exit %d\n%s%s", again.code, again.stdout, again.stderr)
	}
	cli := serve(t, env(admin...), "--data", cliDir, "--addr", "127.0.0.1:0")
	cliToken := lastLine(run(t, time.Minute, env(), "token", "create", "--data", cliDir, "--email", "admin@chidao.test").stdout)

	// Through GraphQL.
	gqlDir := t.TempDir()
	srv := serve(t, env(admin...), "--data", gqlDir, "--addr", "127.0.0.1:0")
	token := lastLine(run(t, time.Minute, env(), "token", "create", "--data", gqlDir, "--email", "admin@chidao.test").stdout)
	q, _ := json.Marshal(string(text))
	preview := postGraphQL(t, srv.url, token, `{ previewImport(text: `+string(q)+`) { symbol existing { id } tasks { sectionPath } issuer { match proposed { name } } } }`)
	var pv struct {
		PreviewImport struct {
			Symbol   string
			Existing *struct{ ID string }
			Tasks    []struct{ SectionPath string }
		}
	}
	preview.decode(t, &pv)
	if pv.PreviewImport.Symbol != "1416-CV/QU" || len(pv.PreviewImport.Tasks) != 5 || pv.PreviewImport.Existing != nil {
		t.Fatalf("preview: %+v", pv.PreviewImport)
	}
	var before struct {
		Directives struct{ TotalCount int }
	}
	postGraphQL(t, srv.url, token, `{ directives(first: 0) { totalCount } }`).decode(t, &before)
	if before.Directives.TotalCount != 0 {
		t.Fatal("a preview stored a directive")
	}
	for i := 0; i < 2; i++ {
		res := postGraphQL(t, srv.url, token, `mutation { importDirective(text: `+string(q)+`) { created directive { symbol } } }`)
		var out struct {
			ImportDirective struct {
				Created   bool
				Directive struct{ Symbol string }
			}
		}
		res.decode(t, &out)
		if out.ImportDirective.Created != (i == 0) || out.ImportDirective.Directive.Symbol != "1416-CV/QU" {
			t.Fatalf("importDirective #%d: %+v", i+1, out.ImportDirective)
		}
	}

	a := postGraphQL(t, cli.url, cliToken, graphDump)
	b := postGraphQL(t, srv.url, token, graphDump)
	if len(a.Errors) > 0 || len(b.Errors) > 0 {
		t.Fatalf("dump errors: %+v %+v", a.Errors, b.Errors)
	}
	if string(a.Data) != string(b.Data) {
		t.Fatalf("the CLI and GraphQL imports differ:\nCLI:     %s\nGraphQL: %s", a.Data, b.Data)
	}
	if !strings.Contains(string(a.Data), `"symbol":"44-KL/TW"`) || !strings.Contains(string(a.Data), `"byReference":true`) {
		t.Fatalf("cited documents should exist as by-reference nodes: %s", a.Data)
	}
}
