// Package demo loads chidao's demo data: the Hải Phòng / Kiến An
// organisation tree and the chain 43-CT/TW → 44-KL/TW → 809-CV/TU →
// 1416-CV/QU, with the five tasks of 1416-CV/QU, their assignees and a few
// periods of reports; one invented secret (MẬT) plan, so that clearance can
// be seen at work; one account per role and a shared saved query (users.go).
// The data is kept as data (demo.json and the real text of the dispatch),
// not as Go literals. Progress, dates of completion and report figures are
// illustrative.
package demo

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/directivereference"
	"github.com/chidao/chidao/ent/membership"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/recipient"
	"github.com/chidao/chidao/ent/report"
	"github.com/chidao/chidao/ent/schema/schematype"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/importer"
	"github.com/chidao/chidao/internal/viewer"
)

//go:embed demo.json *.txt
var files embed.FS

// Data is the demo data set, with rows referring to each other by key.
type Data struct {
	Organizations []struct {
		Key              string   `json:"key"`
		Name             string   `json:"name"`
		ShortName        string   `json:"shortName"`
		Abbreviation     string   `json:"abbreviation"`
		Aliases          []string `json:"aliases"`
		System           string   `json:"system"`
		Classification   string   `json:"classification"`
		Level            string   `json:"level"`
		Locality         string   `json:"locality"`
		HeaderParentName string   `json:"headerParentName"`
		Parent           string   `json:"parent"`
		ValidFrom        Date     `json:"validFrom"`
		ValidTo          Date     `json:"validTo"`
	} `json:"organizations"`
	People []struct {
		Key      string `json:"key"`
		FullName string `json:"fullName"`
	} `json:"people"`
	Memberships []struct {
		Person       string `json:"person"`
		Organization string `json:"organization"`
		PostTitle    string `json:"postTitle"`
		Role         string `json:"role"`
		StartDate    Date   `json:"startDate"`
		EndDate      Date   `json:"endDate"`
	} `json:"memberships"`
	Directives []struct {
		Key              string `json:"key"`
		Symbol           string `json:"symbol"`
		Number           int    `json:"number"`
		TypeCode         string `json:"typeCode"`
		DocType          string `json:"docType"`
		System           string `json:"system"`
		IssuerCode       string `json:"issuerCode"`
		Issuer           string `json:"issuer"`
		ActingBody       string `json:"actingBody"`
		HeaderParentText string `json:"headerParentText"`
		Place            string `json:"place"`
		IssueDate        Date   `json:"issueDate"`
		Subject          string `json:"subject"`
		FullTextFile     string `json:"fullTextFile"`
		Signer           string `json:"signer"`
		SignerName       string `json:"signerName"`
		SignerPost       string `json:"signerPost"`
		Authority        string `json:"authority"`
		AuthorityText    string `json:"authorityText"`
		OnBehalfOf       string `json:"onBehalfOf"`
		ByReference      bool   `json:"byReference"`
		Secrecy          string `json:"secrecy"`
	} `json:"directives"`
	References []struct {
		Source          string `json:"source"`
		Target          string `json:"target"`
		Relation        string `json:"relation"`
		CitedText       string `json:"citedText"`
		CitedSymbol     string `json:"citedSymbol"`
		CitedDate       Date   `json:"citedDate"`
		CitedIssuerText string `json:"citedIssuerText"`
	} `json:"references"`
	Recipients []struct {
		Directive    string `json:"directive"`
		Organization string `json:"organization"`
		Text         string `json:"text"`
		Kind         string `json:"kind"`
		PurposeNote  string `json:"purposeNote"`
	} `json:"recipients"`
	// Imports are documents registered from their real text through the
	// importer (internal/importer), as office staff would: the tasks,
	// assignees, recipients and citations come from the text.
	Imports []struct {
		Key  string `json:"key"`
		File string `json:"file"`
	} `json:"imports"`
	// Tasks of an imported document are overlays: they find the imported
	// task by section path and add what the text cannot say (deadlines
	// decided later, progress, completion); their assignments are matched
	// by organisation and role, and added when the text names no one.
	Tasks []struct {
		Key            string `json:"key"`
		Directive      string `json:"directive"`
		SectionPath    string `json:"sectionPath"`
		Ordinal        int    `json:"ordinal"`
		Text           string `json:"text"`
		Summary        string `json:"summary"`
		Kind           string `json:"kind"`
		DeadlineKind   string `json:"deadlineKind"`
		DueDate        Date   `json:"dueDate"`
		DueText        string `json:"dueText"`
		Recurrence     string `json:"recurrence"`
		ExpectedOutput string `json:"expectedOutput"`
		Assignments    []struct {
			Organization string `json:"organization"`
			Role         string `json:"role"`
			Verb         string `json:"verb"`
			Progress     int    `json:"progress"`
			CompletedAt  Date   `json:"completedAt"`
		} `json:"assignments"`
	} `json:"tasks"`
	Reports []struct {
		Organization string             `json:"organization"`
		Task         string             `json:"task"`
		Directive    string             `json:"directive"`
		PeriodStart  Date               `json:"periodStart"`
		PeriodEnd    Date               `json:"periodEnd"`
		SubmittedAt  Date               `json:"submittedAt"`
		Text         string             `json:"text"`
		Figures      schematype.Figures `json:"figures"`
		ReviewState  string             `json:"reviewState"`
		ReviewNote   string             `json:"reviewNote"`
	} `json:"reports"`
	Users        []User       `json:"users"`
	SavedQueries []SavedQuery `json:"savedQueries"`
}

// Date reads "2006-01-02" or an RFC 3339 time; the zero Date means unset.
type Date struct{ time.Time }

// UnmarshalJSON parses a date or a time.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		return nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			d.Time = t
			return nil
		}
	}
	return fmt.Errorf("demo: bad date %q", s)
}

// ptr returns nil for an unset Date.
func (d Date) ptr() *time.Time {
	if d.IsZero() {
		return nil
	}
	t := d.Time
	return &t
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Read parses the embedded demo data.
func Read() (*Data, error) {
	b, err := files.ReadFile("demo.json")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	var d Data
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("demo: parse demo.json: %w", err)
	}
	return &d, nil
}

// Empty tells whether the database holds no organisations and no directives,
// the condition for loading the demo.
func Empty(ctx context.Context, client *ent.Client) (bool, error) {
	ctx = viewer.NewContext(ctx, viewer.System())
	n, err := client.Organization.Query().Count(ctx)
	if err != nil {
		return false, fmt.Errorf("count organizations: %w", err)
	}
	m, err := client.Directive.Query().Count(ctx)
	if err != nil {
		return false, fmt.Errorf("count directives: %w", err)
	}
	return n == 0 && m == 0, nil
}

// LoadIfEmpty loads the demo into an empty database and leaves a non-empty
// one alone. It reports whether it loaded.
func LoadIfEmpty(ctx context.Context, client *ent.Client) (bool, error) {
	empty, err := Empty(ctx, client)
	if err != nil || !empty {
		return false, err
	}
	return true, Load(ctx, client)
}

// Load writes the demo data in one transaction: all of it or nothing.
func Load(ctx context.Context, client *ent.Client) error {
	ctx = viewer.NewContext(ctx, viewer.System())
	d, err := Read()
	if err != nil {
		return err
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("demo: begin: %w", err)
	}
	if err := load(ctx, tx.Client(), d); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("demo: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("demo: commit: %w", err)
	}
	return nil
}

func load(ctx context.Context, c *ent.Client, d *Data) error {
	ids := map[string]int{}
	ref := func(kind, key string) (*int, error) {
		if key == "" {
			return nil, nil
		}
		id, ok := ids[kind+":"+key]
		if !ok {
			return nil, fmt.Errorf("unknown %s %q", kind, key)
		}
		return &id, nil
	}
	for _, o := range d.Organizations {
		parent, err := ref("org", o.Parent)
		if err != nil {
			return err
		}
		row, err := c.Organization.Create().
			SetName(o.Name).
			SetNillableShortName(nonEmpty(o.ShortName)).
			SetNillableAbbreviation(nonEmpty(o.Abbreviation)).
			SetAliases(o.Aliases).
			SetSystem(organization.System(o.System)).
			SetClassification(organization.Classification(o.Classification)).
			SetLevel(organization.Level(o.Level)).
			SetNillableLocality(nonEmpty(o.Locality)).
			SetNillableHeaderParentName(nonEmpty(o.HeaderParentName)).
			SetNillableParentID(parent).
			SetNillableValidFrom(o.ValidFrom.ptr()).
			SetNillableValidTo(o.ValidTo.ptr()).
			Save(ctx)
		if err != nil {
			return fmt.Errorf("organization %s: %w", o.Key, err)
		}
		ids["org:"+o.Key] = row.ID
	}
	for _, p := range d.People {
		row, err := c.Person.Create().SetFullName(p.FullName).Save(ctx)
		if err != nil {
			return fmt.Errorf("person %s: %w", p.Key, err)
		}
		ids["person:"+p.Key] = row.ID
	}
	for _, m := range d.Memberships {
		person, err := ref("person", m.Person)
		if err != nil {
			return err
		}
		org, err := ref("org", m.Organization)
		if err != nil {
			return err
		}
		if err := c.Membership.Create().
			SetPersonID(*person).SetOrganizationID(*org).
			SetPostTitle(m.PostTitle).SetRole(membership.Role(m.Role)).
			SetNillableStartDate(m.StartDate.ptr()).SetNillableEndDate(m.EndDate.ptr()).
			Exec(ctx); err != nil {
			return fmt.Errorf("membership %s: %w", m.PostTitle, err)
		}
	}
	for _, x := range d.Directives {
		issuer, err := ref("org", x.Issuer)
		if err != nil {
			return err
		}
		acting, err := ref("org", x.ActingBody)
		if err != nil {
			return err
		}
		signer, err := ref("person", x.Signer)
		if err != nil {
			return err
		}
		var text *string
		if x.FullTextFile != "" {
			b, err := files.ReadFile(x.FullTextFile)
			if err != nil {
				return fmt.Errorf("directive %s: %w", x.Key, err)
			}
			s := string(b)
			text = &s
		}
		q := c.Directive.Create().
			SetSymbol(x.Symbol).SetNumber(x.Number).
			SetNillableTypeCode(nonEmpty(x.TypeCode)).
			SetDocType(directive.DocType(x.DocType)).
			SetSystem(directive.System(x.System)).
			SetNillableIssuerCode(nonEmpty(x.IssuerCode)).
			SetNillableIssuerID(issuer).SetNillableActingBodyID(acting).
			SetNillableHeaderParentText(nonEmpty(x.HeaderParentText)).
			SetNillablePlace(nonEmpty(x.Place)).
			SetNillableIssueDate(x.IssueDate.ptr()).
			SetNillableSubject(nonEmpty(x.Subject)).
			SetNillableFullText(text).
			SetNillableSignerID(signer).
			SetNillableSignerName(nonEmpty(x.SignerName)).
			SetNillableSignerPost(nonEmpty(x.SignerPost)).
			SetNillableAuthorityText(nonEmpty(x.AuthorityText)).
			SetNillableOnBehalfOf(nonEmpty(x.OnBehalfOf)).
			SetByReference(x.ByReference)
		if x.Authority != "" {
			q.SetAuthority(directive.Authority(x.Authority))
		}
		if x.Secrecy != "" {
			q.SetSecrecy(directive.Secrecy(x.Secrecy))
		}
		row, err := q.Save(ctx)
		if err != nil {
			return fmt.Errorf("directive %s: %w", x.Key, err)
		}
		ids["dir:"+x.Key] = row.ID
	}
	imported := map[string]bool{}
	for _, im := range d.Imports {
		text, err := files.ReadFile(im.File)
		if err != nil {
			return fmt.Errorf("import %s: %w", im.File, err)
		}
		// The importer joins the demo's transaction through the context.
		res, err := importer.Import(ent.NewContext(ctx, c), c, text, importer.Corrections{})
		if err != nil {
			return fmt.Errorf("import %s: %w", im.File, err)
		}
		ids["dir:"+im.Key] = res.Directive.ID
		imported[im.Key] = true
	}
	for i, r := range d.References {
		src, err := ref("dir", r.Source)
		if err != nil {
			return err
		}
		dst, err := ref("dir", r.Target)
		if err != nil {
			return err
		}
		if err := c.DirectiveReference.Create().
			SetSourceID(*src).SetNillableTargetID(dst).
			SetRelation(directivereference.Relation(r.Relation)).
			SetNillableCitedText(nonEmpty(r.CitedText)).
			SetNillableCitedSymbol(nonEmpty(r.CitedSymbol)).
			SetNillableCitedDate(r.CitedDate.ptr()).
			SetNillableCitedIssuerText(nonEmpty(r.CitedIssuerText)).
			SetOrdinal(i).
			Exec(ctx); err != nil {
			return fmt.Errorf("reference %s → %s: %w", r.Source, r.Target, err)
		}
	}
	for i, r := range d.Recipients {
		dir, err := ref("dir", r.Directive)
		if err != nil {
			return err
		}
		org, err := ref("org", r.Organization)
		if err != nil {
			return err
		}
		if err := c.Recipient.Create().
			SetDirectiveID(*dir).SetNillableOrganizationID(org).
			SetText(r.Text).SetKind(recipient.Kind(r.Kind)).
			SetNillablePurposeNote(nonEmpty(r.PurposeNote)).
			SetOrdinal(i).
			Exec(ctx); err != nil {
			return fmt.Errorf("recipient %s: %w", r.Text, err)
		}
	}
	for _, t := range d.Tasks {
		dir, err := ref("dir", t.Directive)
		if err != nil {
			return err
		}
		var row *ent.Task
		if imported[t.Directive] {
			row, err = overlayTask(ctx, c, *dir, t.SectionPath, t.Summary, t.Kind, t.DeadlineKind, t.DueDate.ptr(), t.DueText, t.Recurrence, t.ExpectedOutput)
		} else {
			row, err = c.Task.Create().
				SetDirectiveID(*dir).SetSectionPath(t.SectionPath).SetOrdinal(t.Ordinal).
				SetText(t.Text).SetNillableSummary(nonEmpty(t.Summary)).
				SetKind(task.Kind(t.Kind)).SetDeadlineKind(task.DeadlineKind(t.DeadlineKind)).
				SetNillableDueDate(t.DueDate.ptr()).SetNillableDueText(nonEmpty(t.DueText)).
				SetNillableRecurrence(nonEmpty(t.Recurrence)).
				SetNillableExpectedOutput(nonEmpty(t.ExpectedOutput)).
				Save(ctx)
		}
		if err != nil {
			return fmt.Errorf("task %s: %w", t.Key, err)
		}
		ids["task:"+t.Key] = row.ID
		for _, a := range t.Assignments {
			org, err := ref("org", a.Organization)
			if err != nil {
				return err
			}
			existing, err := c.TaskAssignment.Query().Where(taskassignment.TaskID(row.ID),
				taskassignment.OrganizationID(*org), taskassignment.RoleEQ(taskassignment.Role(a.Role))).Only(ctx)
			switch {
			case ent.IsNotFound(err):
				err = c.TaskAssignment.Create().
					SetTaskID(row.ID).SetOrganizationID(*org).
					SetRole(taskassignment.Role(a.Role)).SetNillableVerb(nonEmpty(a.Verb)).
					SetProgress(a.Progress).SetNillableCompletedAt(a.CompletedAt.ptr()).
					Exec(ctx)
			case err == nil:
				err = existing.Update().SetProgress(a.Progress).SetNillableCompletedAt(a.CompletedAt.ptr()).Exec(ctx)
			}
			if err != nil {
				return fmt.Errorf("task %s, assignment of %s: %w", t.Key, a.Organization, err)
			}
		}
	}
	for _, r := range d.Reports {
		org, err := ref("org", r.Organization)
		if err != nil {
			return err
		}
		tk, err := ref("task", r.Task)
		if err != nil {
			return err
		}
		dir, err := ref("dir", r.Directive)
		if err != nil {
			return err
		}
		if err := r.Figures.Validate(); err != nil {
			return fmt.Errorf("report of %s: %w", r.Organization, err)
		}
		if err := c.Report.Create().
			SetOrganizationID(*org).SetNillableTaskID(tk).SetNillableDirectiveID(dir).
			SetNillablePeriodStart(r.PeriodStart.ptr()).SetNillablePeriodEnd(r.PeriodEnd.ptr()).
			SetNillableSubmittedAt(r.SubmittedAt.ptr()).
			SetNillableText(nonEmpty(r.Text)).SetFigures(r.Figures).
			SetReviewState(report.ReviewState(r.ReviewState)).
			SetNillableReviewNote(nonEmpty(r.ReviewNote)).
			Exec(ctx); err != nil {
			return fmt.Errorf("report of %s: %w", r.Organization, err)
		}
	}
	return loadAccounts(ctx, c, d, ids)
}

// overlayTask finds an imported task by its section path and sets what the
// demo adds to the text.
func overlayTask(ctx context.Context, c *ent.Client, directiveID int, path, summary, kind, deadlineKind string, due *time.Time, dueText, recurrence, output string) (*ent.Task, error) {
	row, err := c.Task.Query().Where(task.DirectiveID(directiveID), task.SectionPath(path)).Only(ctx)
	if err != nil {
		return nil, fmt.Errorf("the imported text has no task %s: %w", path, err)
	}
	u := row.Update().SetNillableSummary(nonEmpty(summary)).SetNillableDueDate(due).
		SetNillableDueText(nonEmpty(dueText)).SetNillableRecurrence(nonEmpty(recurrence)).
		SetNillableExpectedOutput(nonEmpty(output))
	if kind != "" {
		u.SetKind(task.Kind(kind))
	}
	if deadlineKind != "" {
		u.SetDeadlineKind(task.DeadlineKind(deadlineKind))
	}
	return u.Save(ctx)
}
