package importer

import (
	"context"
	"errors"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/internal/testdb"
	"github.com/chidao/chidao/internal/viewer"
)

// tree registers a small organisation tree, without any alias that
// spells out a relative name: resolution must come from context.
func tree(t *testing.T, c *ent.Client) map[string]*ent.Organization {
	t.Helper()
	ctx := sysCtx()
	m := map[string]*ent.Organization{}
	add := func(key, name, abbr string, sys organization.System, cls organization.Classification, lvl organization.Level, parent string) {
		q := c.Organization.Create().SetName(name).SetSystem(sys).SetClassification(cls).SetLevel(lvl)
		if abbr != "" {
			q.SetAbbreviation(abbr)
		}
		if parent != "" {
			q.SetParentID(m[parent].ID)
		}
		o, err := q.Save(ctx)
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		m[key] = o
	}
	P, S, F := organization.SystemPARTY, organization.SystemSTATE, organization.SystemFRONT
	add("tw", "Ban Chấp hành Trung ương Đảng", "TW", P, organization.ClassificationPARTY_COMMITTEE, organization.LevelCENTRAL, "")
	add("bbt", "Ban Bí thư Trung ương Đảng", "TW", P, organization.ClassificationPARTY_SECRETARIAT, organization.LevelCENTRAL, "tw")
	add("tu", "Thành ủy Hải Phòng", "TU", P, organization.ClassificationPARTY_COMMITTEE, organization.LevelPROVINCIAL, "tw")
	add("qu", "Quận ủy Kiến An", "QU", P, organization.ClassificationPARTY_COMMITTEE, organization.LevelDISTRICT, "tu")
	add("btv", "Ban Thường vụ Quận ủy Kiến An", "", P, organization.ClassificationPARTY_STANDING_COMMITTEE, organization.LevelDISTRICT, "qu")
	add("vp", "Văn phòng Quận ủy Kiến An", "VPQU", P, organization.ClassificationPARTY_DEPARTMENT, organization.LevelDISTRICT, "qu")
	add("bdv", "Ban Dân vận Quận ủy Kiến An", "", P, organization.ClassificationPARTY_DEPARTMENT, organization.LevelDISTRICT, "qu")
	add("ttct", "Trung tâm Chính trị quận Kiến An", "", P, organization.ClassificationPOLITICAL_SCHOOL, organization.LevelDISTRICT, "qu")
	add("qu2", "Quận ủy Lê Chân", "QU", P, organization.ClassificationPARTY_COMMITTEE, organization.LevelDISTRICT, "tu")
	add("bdv2", "Ban Dân vận Quận ủy Lê Chân", "", P, organization.ClassificationPARTY_DEPARTMENT, organization.LevelDISTRICT, "qu2")
	add("ubtp", "Ủy ban nhân dân thành phố Hải Phòng", "UBND", S, organization.ClassificationPEOPLES_COMMITTEE, organization.LevelPROVINCIAL, "")
	add("hdnd", "Hội đồng nhân dân quận Kiến An", "HĐND", S, organization.ClassificationPEOPLES_COUNCIL, organization.LevelDISTRICT, "")
	add("ubnd", "Ủy ban nhân dân quận Kiến An", "UBND", S, organization.ClassificationPEOPLES_COMMITTEE, organization.LevelDISTRICT, "ubtp")
	add("ubnd2", "Ủy ban nhân dân quận Lê Chân", "UBND", S, organization.ClassificationPEOPLES_COMMITTEE, organization.LevelDISTRICT, "ubtp")
	add("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam quận Kiến An", "MTTQ", F, organization.ClassificationFATHERLAND_FRONT, organization.LevelDISTRICT, "")
	add("ctd", "Hội Chữ thập đỏ quận Kiến An", "", F, organization.ClassificationMASS_ASSOCIATION, organization.LevelDISTRICT, "mttq")
	add("ctd2", "Hội Chữ thập đỏ quận Lê Chân", "", F, organization.ClassificationMASS_ASSOCIATION, organization.LevelDISTRICT, "")
	return m
}

func sysCtx() context.Context { return viewer.NewContext(context.Background(), viewer.System()) }

func text1416(t *testing.T) []byte {
	b, err := os.ReadFile("testdata/1416-CV-QU.txt")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dump is a canonical description of everything an import wrote.
func dump(t *testing.T, c *ent.Client) string {
	t.Helper()
	ctx := sysCtx()
	var lines []string
	ds, err := c.Directive.Query().WithIssuer().WithActingBody().WithRecipients(func(q *ent.RecipientQuery) { q.WithOrganization() }).
		WithReferences(func(q *ent.DirectiveReferenceQuery) { q.WithTarget() }).
		WithTasks(func(q *ent.TaskQuery) {
			q.WithAssignments(func(q *ent.TaskAssignmentQuery) { q.WithOrganization() })
		}).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		issuer := "-"
		if d.Edges.Issuer != nil {
			issuer = d.Edges.Issuer.Name
		}
		date := "-"
		if d.IssueDate != nil {
			date = d.IssueDate.Format("2006-01-02")
		}
		lines = append(lines, "D "+d.Symbol+" | "+issuer+" | "+date+" | "+string(d.DocType)+map[bool]string{true: " | by reference", false: ""}[d.ByReference])
		for _, r := range d.Edges.Recipients {
			o := "-"
			if r.Edges.Organization != nil {
				o = r.Edges.Organization.Name
			}
			lines = append(lines, "R "+d.Symbol+" | "+string(r.Kind)+" | "+r.Text+" → "+o)
		}
		for _, r := range d.Edges.References {
			lines = append(lines, "X "+d.Symbol+" "+string(r.Relation)+" "+r.Edges.Target.Symbol)
		}
		for _, tk := range d.Edges.Tasks {
			lines = append(lines, "T "+d.Symbol+" "+tk.SectionPath+" "+string(tk.Kind))
			for _, a := range tk.Edges.Assignments {
				lines = append(lines, "A "+d.Symbol+" "+tk.SectionPath+" "+string(a.Role)+" "+a.Edges.Organization.Name)
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestImport1416(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		db := testdb.Open(t, dsn, testdb.Options{})
		orgs := tree(t, db.Client)
		ctx := sysCtx()
		res, err := Import(ctx, db.Client, text1416(t), Corrections{})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Created || res.Directive.Symbol != "1416-CV/QU" || *res.Directive.IssuerID != orgs["qu"].ID {
			t.Fatalf("result: %+v", res.Directive)
		}
		if *res.Directive.ActingBodyID != orgs["btv"].ID {
			t.Fatalf("acting body %d, want the Standing Board", *res.Directive.ActingBodyID)
		}
		got := dump(t, db.Client)
		for _, want := range []string{
			"D 1416-CV/QU | Quận ủy Kiến An | 2023-03-06 | CONG_VAN",
			"D 44-KL/TW | Ban Chấp hành Trung ương Đảng | 2022-11-14 | KET_LUAN | by reference",
			"D 43-CT/TW | Ban Chấp hành Trung ương Đảng | 2010-06-08 | CHI_THI | by reference",
			"D 809-CV/TU | Thành ủy Hải Phòng | 2023-02-06 | CONG_VAN | by reference",
			"X 1416-CV/QU IMPLEMENTS 44-KL/TW",
			"X 1416-CV/QU CITES 809-CV/TU",
			// Relative names resolve in the district's context, not to the
			// sibling district's bodies of the same kind.
			"R 1416-CV/QU | ADDRESSEE | Hội Chữ thập đỏ quận → Hội Chữ thập đỏ quận Kiến An",
			"R 1416-CV/QU | ADDRESSEE | Ủy ban nhân dân quận → Ủy ban nhân dân quận Kiến An",
			"R 1416-CV/QU | ADDRESSEE | Các Ban xây dựng Đảng → -",
			"R 1416-CV/QU | ARCHIVE | Lưu VPQU → -",
			"A 1416-CV/QU 2 LEAD Hội đồng nhân dân quận Kiến An",
			"A 1416-CV/QU 2 COORDINATOR Ủy ban Mặt trận Tổ quốc Việt Nam quận Kiến An",
			"A 1416-CV/QU 2 LEAD Ủy ban nhân dân quận Kiến An",
			"A 1416-CV/QU 5 LEAD Ban Dân vận Quận ủy Kiến An",
			"A 1416-CV/QU 5 COORDINATOR Hội Chữ thập đỏ quận Kiến An",
			"A 1416-CV/QU 5 REPORT_RECIPIENT Ban Thường vụ Quận ủy Kiến An",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("missing %q in\n%s", want, got)
			}
		}
		n, _ := db.Client.Task.Query().Count(ctx)
		if n != 5 {
			t.Fatalf("%d tasks, want 5", n)
		}
		if strings.Contains(got, "Lê Chân") {
			t.Fatalf("a name resolved to the other district:\n%s", got)
		}
		if len(res.CreatedOrganizations) != 1 || res.CreatedOrganizations[0].Name != "Trung tâm Văn hóa - Thông tin và Thể thao quận Kiến An" {
			t.Fatalf("created organisations: %v", names(res.CreatedOrganizations))
		}
		// The unknown centre is proposed under the district's people's committee.
		if p := res.CreatedOrganizations[0].ParentID; p == nil || *p != orgs["ubnd"].ID {
			t.Fatalf("new centre placed under %v, want the district's people's committee", p)
		}

		// Importing again updates and never duplicates; progress is kept.
		a, err := db.Client.TaskAssignment.Query().First(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Client.TaskAssignment.UpdateOne(a).SetProgress(70).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		again, err := Import(ctx, db.Client, text1416(t), Corrections{})
		if err != nil {
			t.Fatal(err)
		}
		if again.Created || again.Directive.ID != res.Directive.ID || len(again.CreatedOrganizations) != 0 || len(again.CreatedByReference) != 0 {
			t.Fatalf("re-import created rows: %+v", again)
		}
		if d2 := dump(t, db.Client); d2 != got {
			t.Fatalf("re-import changed the graph:\n%s\n---\n%s", got, d2)
		}
		if a2, _ := db.Client.TaskAssignment.Get(ctx, a.ID); a2 == nil || a2.Progress != 70 {
			t.Fatal("re-import lost an assignment's progress")
		}
	})
}

func names(os []*ent.Organization) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Name)
	}
	return out
}

// A document known only by reference is completed, not duplicated, when
// its own text arrives.
func TestImportCompletesByReference(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		db := testdb.Open(t, dsn, testdb.Options{})
		tree(t, db.Client)
		ctx := sysCtx()
		stub, err := db.Client.Directive.Create().SetSymbol("1416-CV/QU").SetByReference(true).
			SetSystem(directive.SystemPARTY).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Import(ctx, db.Client, text1416(t), Corrections{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Created || res.Directive.ID != stub.ID || res.Directive.ByReference {
			t.Fatalf("the by-reference node should be completed in place: %+v", res.Directive)
		}
		if n, _ := db.Client.Directive.Query().Where(directive.Symbol("1416-CV/QU")).Count(ctx); n != 1 {
			t.Fatalf("%d nodes for 1416-CV/QU", n)
		}
	})
}

// A failed import stores nothing.
func TestImportFailureStoresNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		db := testdb.Open(t, dsn, testdb.Options{})
		tree(t, db.Client)
		ctx := sysCtx()
		before := dump(t, db.Client)
		orgsBefore, _ := db.Client.Organization.Query().Count(ctx)
		cases := map[string]struct {
			text []byte
			corr Corrections
			want string
		}{
			"empty":      {[]byte("  \n "), Corrections{}, "white space"},
			"binary":     {[]byte{0, 1, 2, 0, 0, 3, 0xff, 0xfe}, Corrections{}, ""},
			"no symbol":  {[]byte("Kính gửi: Ủy ban nhân dân quận\n\n1. Làm việc A.\n2. Làm việc B.\n"), Corrections{}, "number and symbol"},
			"too large":  {[]byte(strings.Repeat("Ủy ban nhân dân ", 100_000)), Corrections{}, "limit is 1 MB"},
			"bad choice": {text1416(t), Corrections{Organizations: map[string]Choice{"Ban Dân vận Quận ủy": {OrganizationID: 999_999}}}, "not found"},
		}
		for name, c := range cases {
			t.Run(name, func(t *testing.T) {
				_, err := Import(ctx, db.Client, c.text, c.corr)
				if err == nil {
					t.Fatal("want an error")
				}
				if c.want != "" && !strings.Contains(err.Error(), c.want) {
					t.Fatalf("error %q does not say %q", err, c.want)
				}
				if after := dump(t, db.Client); after != before {
					t.Fatalf("a failed import stored rows:\n%s", after)
				}
				if n, _ := db.Client.Organization.Query().Count(ctx); n != orgsBefore {
					t.Fatalf("a failed import created organisations")
				}
			})
		}
	})
}

// A person's corrections are applied: a chosen organisation replaces the
// resolution, and a skipped name stays text only.
func TestImportCorrections(t *testing.T) {
	db := testdb.Open(t, testdb.SQLiteDSN(t), testdb.Options{})
	orgs := tree(t, db.Client)
	ctx := sysCtx()
	p, err := PreviewText(ctx, db.Client, text1416(t))
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := db.Client.Directive.Query().Count(ctx); n != 0 {
		t.Fatal("a preview stored a directive")
	}
	var centre string
	for _, tp := range p.Tasks {
		for _, a := range tp.Assignments {
			if a.Org.Match == MatchNew {
				centre = a.Org.Name
			}
		}
	}
	if centre == "" {
		t.Fatal("the preview should propose the unknown centre as new")
	}
	res, err := Import(ctx, db.Client, text1416(t), Corrections{Organizations: map[string]Choice{
		centre:                   {OrganizationID: orgs["ubnd"].ID},
		"Hội đồng nhân dân quận": {Skip: true},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.CreatedOrganizations) != 0 {
		t.Fatalf("created %v despite the correction", names(res.CreatedOrganizations))
	}
	t1, err := db.Client.Task.Query().Where(task.SectionPath("1")).WithAssignments(func(q *ent.TaskAssignmentQuery) { q.WithOrganization() }).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(t1.Edges.Assignments) != 1 || t1.Edges.Assignments[0].OrganizationID != orgs["ubnd"].ID {
		t.Fatalf("task 1 assignments: %+v", t1.Edges.Assignments)
	}
	got := dump(t, db.Client)
	if strings.Contains(got, "A 1416-CV/QU 2 LEAD Hội đồng nhân dân quận Kiến An") {
		t.Fatal("a skipped name was still assigned")
	}
	var ie *InputError
	_, err = PreviewText(ctx, db.Client, []byte("Nội dung không có số hiệu.\n"))
	if !errors.As(err, &ie) {
		t.Fatalf("want an InputError for a text without symbol, got %v", err)
	}
}
