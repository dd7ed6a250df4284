// Package importer turns the text of a directive into the graph: it parses
// the text (internal/docparse), resolves every organisation it names in the
// context of the issuing body, proposes new organisations for names that
// match nothing, and — on commit — writes the directive, its recipients,
// references, tasks and assignments in one transaction. Importing the same
// document again updates it; a document known only by reference is
// completed; cited documents that are unknown become by-reference nodes.
package importer

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/directivereference"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/person"
	"github.com/chidao/chidao/ent/recipient"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/docparse"
	"github.com/chidao/chidao/internal/textfold"
)

// Preview is a parsed document with its names resolved: what a commit
// would write. Building it stores nothing.
type Preview struct {
	Draft      *docparse.Draft
	Existing   *ent.Directive // the registered document a commit would update
	Issuer     Resolution
	ActingBody *Resolution
	Recipients []Resolution
	References []ReferencePreview
	Tasks      []TaskPreview
	Warnings   []docparse.Warning

	r *resolver // the context the names were resolved in
}

// ReferencePreview is a cited document and the node it resolves to.
type ReferencePreview struct {
	Ref    docparse.Reference
	Target *ent.Directive // nil: a by-reference node will be created
}

// TaskPreview is a task with its assignees resolved.
type TaskPreview struct {
	Task        docparse.Task
	Assignments []AssignmentPreview
}

// AssignmentPreview is one assignee.
type AssignmentPreview struct {
	Role taskassignment.Role
	Verb string
	Org  Resolution
}

// Choice is a person's correction for one printed name.
type Choice struct {
	OrganizationID int  // use this organisation
	Create         bool // create the proposed organisation
	Skip           bool // leave the name unresolved (text only)
}

// Corrections are a person's choices, by printed name. Names without a
// choice take the preview's resolution; NEW names are created.
type Corrections struct {
	Organizations map[string]Choice
}

// Result says what a commit did.
type Result struct {
	Directive            *ent.Directive
	Created              bool // false: an existing document was updated or completed
	CreatedOrganizations []*ent.Organization
	CreatedByReference   []*ent.Directive
	Warnings             []docparse.Warning
}

func roleOf(r docparse.Role) taskassignment.Role {
	switch r {
	case docparse.RoleLead:
		return taskassignment.RoleLEAD
	case docparse.RoleCoordinate:
		return taskassignment.RoleCOORDINATOR
	case docparse.RoleSupervise:
		return taskassignment.RoleMONITOR
	case docparse.RoleReportTo:
		return taskassignment.RoleREPORT_RECIPIENT
	}
	return taskassignment.RoleEXECUTOR
}

// PreviewText parses text and resolves it against the database, storing
// nothing. Reads use ctx's viewer, so a scoped account resolves within
// what it may see.
func PreviewText(ctx context.Context, c *ent.Client, text []byte) (*Preview, error) {
	d, err := docparse.Parse(text)
	if err != nil {
		return nil, err
	}
	return preview(ctx, c, d)
}

func preview(ctx context.Context, c *ent.Client, d *docparse.Draft) (*Preview, error) {
	h := d.Header
	if h.Symbol.Text == "" {
		return nil, &InputError{Msg: "the text has no number and symbol (Số …): it cannot be registered as a directive"}
	}
	r, err := newResolver(ctx, c)
	if err != nil {
		return nil, err
	}
	p := &Preview{Draft: d, Warnings: append([]docparse.Warning(nil), d.Warnings...), r: r}
	sys := systemOf(h.System)
	r.setIssuer(nil, h.Issuer.Text, organization.LevelDISTRICT, sys)
	p.Issuer = r.resolveIssuer(h)
	r.setIssuer(p.Issuer.Organization, h.Issuer.Text, p.Issuer.levelOr(organization.LevelDISTRICT), sys)
	if h.ActingBody.Text != "" {
		a := r.resolve(h.ActingBody.Text)
		p.ActingBody = &a
	}
	for _, rc := range d.Recipients {
		p.Recipients = append(p.Recipients, r.resolve(rc.Name))
	}
	for _, ref := range d.References {
		target, err := findCited(ctx, c, ref)
		if err != nil {
			return nil, err
		}
		p.References = append(p.References, ReferencePreview{Ref: ref, Target: target})
	}
	for _, t := range d.Tasks {
		tp := TaskPreview{Task: t}
		seen := map[string]bool{}
		for _, a := range t.Assignments {
			name := a.Canonical
			if name == "" {
				name = a.Name
			}
			role := roleOf(a.Role)
			key := textfold.Fold(name) + "|" + string(role)
			if seen[key] {
				continue
			}
			seen[key] = true
			tp.Assignments = append(tp.Assignments, AssignmentPreview{Role: role, Verb: a.Verb.Text, Org: r.resolve(name)})
		}
		p.Tasks = append(p.Tasks, tp)
	}
	if p.Issuer.Organization != nil {
		p.Existing, err = findExisting(ctx, c, p.Issuer.Organization.ID, h)
		if err != nil {
			return nil, err
		}
	}
	warned := map[string]bool{}
	for _, res := range p.allResolutions() {
		if warned[res.Name] {
			continue
		}
		warned[res.Name] = true
		switch res.Match {
		case MatchAmbiguous:
			p.Warnings = append(p.Warnings, docparse.Warning{Code: "ambiguous_organisation", Message: fmt.Sprintf("%q matches %d organisations; %q was chosen", res.Name, len(res.Candidates), res.Organization.Name)})
		case MatchNew:
			p.Warnings = append(p.Warnings, docparse.Warning{Code: "new_organisation", Message: fmt.Sprintf("%q matches no organisation; %q will be created", res.Name, res.Proposal.Name)})
		}
	}
	return p, nil
}

func (res Resolution) levelOr(l organization.Level) organization.Level {
	if res.Organization != nil {
		return res.Organization.Level
	}
	if res.Proposal != nil {
		return res.Proposal.Level
	}
	return l
}

func (p *Preview) allResolutions() []Resolution {
	out := []Resolution{p.Issuer}
	if p.ActingBody != nil {
		out = append(out, *p.ActingBody)
	}
	out = append(out, p.Recipients...)
	for _, t := range p.Tasks {
		for _, a := range t.Assignments {
			out = append(out, a.Org)
		}
	}
	return out
}

// resolveIssuer matches the issuing body by name, preferring one whose
// issuer code matches the symbol's.
func (r *resolver) resolveIssuer(h docparse.Header) Resolution {
	res := r.resolve(h.Issuer.Text)
	code := h.IssuerCode.Text
	if i := strings.IndexByte(code, '-'); i > 0 && systemOf(h.System) == organization.SystemSTATE {
		code = code[:i] // 3354/VPCP-KGVX: the issuer is VPCP, KGVX its drafting unit
	}
	if len(res.Candidates) > 1 && code != "" {
		for _, o := range res.Candidates {
			if strings.EqualFold(o.Abbreviation, code) {
				res.Organization, res.Match = o, MatchExact
				break
			}
		}
	}
	if res.Proposal != nil {
		res.Proposal.Name = h.Issuer.Text
		res.Proposal.System = systemOf(h.System)
		if h.Superior.Text != "" {
			if sup := r.resolve(h.Superior.Text); sup.Organization != nil {
				res.Proposal.Parent = sup.Organization
			} else {
				res.Proposal.Parent = nil
			}
		} else {
			res.Proposal.Parent = nil
		}
	}
	return res
}

func systemOf(s docparse.System) organization.System {
	switch s {
	case docparse.SystemState:
		return organization.SystemSTATE
	case docparse.SystemFront:
		return organization.SystemFRONT
	}
	return organization.SystemPARTY
}

// findExisting finds the registered document with the same natural key, or
// a by-reference node with the same symbol (and date, when known).
func findExisting(ctx context.Context, c *ent.Client, issuerID int, h docparse.Header) (*ent.Directive, error) {
	q := c.Directive.Query().Where(directive.Symbol(h.Symbol.Text))
	if !h.IssueDate.IsZero() {
		q.Where(directive.Or(directive.IssueDateEQ(h.IssueDate), directive.IssueDateIsNil()))
	}
	q.Where(directive.Or(directive.IssuerID(issuerID), directive.IssuerIDIsNil()))
	list, err := q.Order(ent.Asc(directive.FieldByReference)).Limit(1).All(ctx)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

// findCited finds the registered node of a cited document by symbol, and by
// date when the citation gives one.
func findCited(ctx context.Context, c *ent.Client, ref docparse.Reference) (*ent.Directive, error) {
	q := c.Directive.Query().Where(directive.Symbol(ref.Symbol.Text))
	if !ref.IssueDate.IsZero() {
		q.Where(directive.Or(directive.IssueDateEQ(ref.IssueDate), directive.IssueDateIsNil()))
	}
	list, err := q.Order(ent.Asc(directive.FieldID)).Limit(1).All(ctx)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

// InputError is a document that cannot be imported as it is.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// ClientSafe marks the message as safe to show.
func (e *InputError) ClientSafe() bool { return true }

// Import parses, resolves and writes one document in one transaction: the
// transaction of ctx's GraphQL mutation when there is one, else its own.
// A failure stores nothing.
func Import(ctx context.Context, c *ent.Client, text []byte, corr Corrections) (*Result, error) {
	if tx := ent.FromContext(ctx); tx != nil {
		return importWith(ctx, tx, text, corr)
	}
	tx, err := c.Tx(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	res, err := importWith(ctx, tx.Client(), text, corr)
	if err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return res, nil
}

// writer holds one commit's state.
type writer struct {
	ctx  context.Context
	c    *ent.Client
	corr Corrections
	res  *Result
	made map[string]*ent.Organization // created organisations by proposed name
	r    *resolver
}

func importWith(ctx context.Context, c *ent.Client, text []byte, corr Corrections) (*Result, error) {
	p, err := PreviewText(ctx, c, text)
	if err != nil {
		return nil, err
	}
	w := &writer{ctx: ctx, c: c, corr: corr, res: &Result{Warnings: p.Warnings}, made: map[string]*ent.Organization{}, r: p.r}
	d, h := p.Draft, p.Draft.Header
	issuer, err := w.org(p.Issuer)
	if err != nil {
		return nil, err
	}
	if issuer == nil {
		return nil, &InputError{Msg: fmt.Sprintf("the issuer %q could not be resolved; choose an organisation for it", h.Issuer.Text)}
	}
	if p.Existing == nil {
		// The issuer may have been created just now; look again.
		if p.Existing, err = findExisting(ctx, c, issuer.ID, h); err != nil {
			return nil, err
		}
	}
	var acting *ent.Organization
	if p.ActingBody != nil {
		if acting, err = w.org(*p.ActingBody); err != nil {
			return nil, err
		}
	}
	signer, err := w.person(d.Signature.Name.Text)
	if err != nil {
		return nil, err
	}
	doc, err := w.directive(p, issuer, acting, signer, text)
	if err != nil {
		return nil, err
	}
	w.res.Directive = doc
	if err := w.recipients(doc, p); err != nil {
		return nil, err
	}
	if err := w.references(doc, p, issuer); err != nil {
		return nil, err
	}
	if err := w.tasks(doc, p); err != nil {
		return nil, err
	}
	return w.res, nil
}

// org turns a resolution (with the person's correction) into an
// organisation, creating proposed ones; nil for groups and skipped names.
func (w *writer) org(res Resolution) (*ent.Organization, error) {
	if ch, ok := w.corr.Organizations[res.Name]; ok {
		switch {
		case ch.Skip:
			return nil, nil
		case ch.OrganizationID != 0:
			o, err := w.c.Organization.Get(w.ctx, ch.OrganizationID)
			if err != nil {
				return nil, &InputError{Msg: fmt.Sprintf("the organisation chosen for %q was not found", res.Name)}
			}
			return o, nil
		case ch.Create && res.Proposal == nil:
			res.Proposal = &Proposal{Name: res.Name, System: organization.SystemPARTY, Level: organization.LevelGRASSROOTS, Classification: organization.ClassificationOTHER}
		}
	}
	if res.Organization != nil {
		return res.Organization, nil
	}
	if res.Proposal == nil {
		return nil, nil
	}
	key := textfold.Fold(res.Proposal.Name)
	if o, ok := w.made[key]; ok {
		return o, nil
	}
	// "Mặt trận Tổ quốc Việt Nam" and "Mặt trận Tổ quốc Việt Nam quận" in
	// one district document are one new body.
	if w.r != nil && w.r.place != "" {
		for _, lw := range localityWords[w.r.level] {
			if o, ok := w.made[key+" "+lw+" "+w.r.place]; ok {
				return o, nil
			}
		}
	}
	q := w.c.Organization.Create().
		SetName(res.Proposal.Name).SetSystem(res.Proposal.System).
		SetLevel(res.Proposal.Level).SetClassification(res.Proposal.Classification)
	if res.Proposal.Name != res.Name {
		q.SetAliases([]string{res.Name})
	}
	if res.Proposal.Parent != nil {
		q.SetParentID(res.Proposal.Parent.ID)
	}
	o, err := q.Save(w.ctx)
	if err != nil {
		return nil, fmt.Errorf("create organisation %q: %w", res.Proposal.Name, err)
	}
	w.made[key] = o
	w.res.CreatedOrganizations = append(w.res.CreatedOrganizations, o)
	return o, nil
}

// person finds the signer by name or creates them.
func (w *writer) person(name string) (*ent.Person, error) {
	if strings.TrimSpace(name) == "" {
		return nil, nil
	}
	people, err := w.c.Person.Query().Where(person.FullNameEqualFold(name)).Limit(1).All(w.ctx)
	if err != nil {
		return nil, err
	}
	if len(people) > 0 {
		return people[0], nil
	}
	return w.c.Person.Create().SetFullName(name).Save(w.ctx)
}

func docType(t docparse.DocType) directive.DocType {
	dt := directive.DocType(t)
	if directive.DocTypeValidator(dt) != nil {
		return directive.DocTypeOTHER
	}
	return dt
}

func authorityOf(s string) *directive.Authority {
	m := map[string]directive.Authority{"T/M": "TM", "TM.": "TM", "K/T": "KT", "KT.": "KT", "T/L": "TL", "TL.": "TL", "T/UQ": "TUQ", "TUQ.": "TUQ", "Q.": "Q"}
	if a, ok := m[strings.ToUpper(strings.TrimSpace(s))]; ok {
		return &a
	}
	return nil
}

func nonEmpty(s string) *string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &s
}

func datePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// directive creates the document or updates the registered one.
func (w *writer) directive(p *Preview, issuer, acting *ent.Organization, signer *ent.Person, text []byte) (*ent.Directive, error) {
	d, h := p.Draft, p.Draft.Header
	var stack []string
	for _, f := range d.Signature.Formulas {
		stack = append(stack, strings.TrimSpace(f.Formula+" "+strings.ToUpper(f.Body)))
	}
	if d.Signature.Position.Text != "" {
		stack = append(stack, strings.ToUpper(d.Signature.Position.Text))
	}
	secrecy := directive.SecrecyNONE
	switch textfold.Fold(h.Secrecy.Text) {
	case "mat":
		secrecy = directive.SecrecyMAT
	case "toi mat":
		secrecy = directive.SecrecyTOI_MAT
	case "tuyet mat":
		secrecy = directive.SecrecyTUYET_MAT
	}
	urgency := directive.UrgencyNONE
	switch textfold.Fold(h.Urgency.Text) {
	case "khan":
		urgency = directive.UrgencyKHAN
	case "thuong khan":
		urgency = directive.UrgencyTHUONG_KHAN
	case "hoa toc":
		urgency = directive.UrgencyHOA_TOC
	}
	var number *int
	if h.Number > 0 {
		number = &h.Number
	}
	full := string(text)
	var signerID *int
	if signer != nil {
		signerID = &signer.ID
	}
	var actingID *int
	if acting != nil {
		actingID = &acting.ID
	}
	if p.Existing != nil {
		u := w.c.Directive.UpdateOneID(p.Existing.ID).
			SetSymbol(h.Symbol.Text).SetNillableNumber(number).SetTypeCode(h.TypeCode.Text).
			SetDocType(docType(h.DocType)).SetSystem(directive.System(systemOf(h.System))).
			SetIssuerCode(h.IssuerCode.Text).SetIssuerID(issuer.ID).
			SetNillableHeaderParentText(nonEmpty(h.Superior.Text)).SetNillablePlace(nonEmpty(h.Place.Text)).
			SetNillableIssueDate(datePtr(h.IssueDate)).SetNillableSubject(nonEmpty(h.Subject.Text)).
			SetFullText(full).SetNillableSignerName(nonEmpty(d.Signature.Name.Text)).
			SetNillableSignerPost(nonEmpty(d.Signature.Position.Text)).
			SetNillableAuthorityText(nonEmpty(strings.Join(stack, " / "))).
			SetNillableOnBehalfOf(nonEmpty(d.Signature.OnBehalfOf)).
			SetSecrecy(secrecy).SetUrgency(urgency).SetByReference(false)
		if actingID != nil {
			u.SetActingBodyID(*actingID)
		}
		if signerID != nil {
			u.SetSignerID(*signerID)
		}
		if a := authorityOf(d.Signature.Authority); a != nil {
			u.SetAuthority(*a)
		}
		return u.Save(w.ctx)
	}
	cr := w.c.Directive.Create().
		SetSymbol(h.Symbol.Text).SetNillableNumber(number).SetTypeCode(h.TypeCode.Text).
		SetDocType(docType(h.DocType)).SetSystem(directive.System(systemOf(h.System))).
		SetIssuerCode(h.IssuerCode.Text).SetIssuerID(issuer.ID).SetNillableActingBodyID(actingID).
		SetNillableHeaderParentText(nonEmpty(h.Superior.Text)).SetNillablePlace(nonEmpty(h.Place.Text)).
		SetNillableIssueDate(datePtr(h.IssueDate)).SetNillableSubject(nonEmpty(h.Subject.Text)).
		SetFullText(full).SetNillableSignerID(signerID).
		SetNillableSignerName(nonEmpty(d.Signature.Name.Text)).
		SetNillableSignerPost(nonEmpty(d.Signature.Position.Text)).
		SetNillableAuthorityText(nonEmpty(strings.Join(stack, " / "))).
		SetNillableOnBehalfOf(nonEmpty(d.Signature.OnBehalfOf)).
		SetSecrecy(secrecy).SetUrgency(urgency)
	if a := authorityOf(d.Signature.Authority); a != nil {
		cr.SetAuthority(*a)
	}
	w.res.Created = true
	return cr.Save(w.ctx)
}

// recipients replaces the document's address lines: they hold no one's
// work, so rewriting them keeps re-imports simple and exact.
func (w *writer) recipients(doc *ent.Directive, p *Preview) error {
	if _, err := w.c.Recipient.Delete().Where(recipient.DirectiveID(doc.ID)).Exec(w.ctx); err != nil {
		return err
	}
	n := 0
	for _, res := range p.Recipients {
		o, err := w.org(res)
		if err != nil {
			return err
		}
		q := w.c.Recipient.Create().SetDirectiveID(doc.ID).SetText(res.Name).SetKind(recipient.KindADDRESSEE).SetOrdinal(n)
		if o != nil {
			q.SetOrganizationID(o.ID)
		}
		if err := q.Exec(w.ctx); err != nil {
			return fmt.Errorf("recipient %q: %w", res.Name, err)
		}
		n++
	}
	for _, e := range p.Draft.Distribution {
		kind := map[docparse.RecipientKind]recipient.Kind{
			docparse.KindAddressee: recipient.KindADDRESSEE, docparse.KindForReport: recipient.KindFOR_REPORT,
			docparse.KindForInfo: recipient.KindFOR_INFO, docparse.KindArchive: recipient.KindARCHIVE,
		}[e.Kind]
		if kind == "" {
			kind = recipient.KindDISTRIBUTION
		}
		if strings.TrimSpace(e.Text.Text) == "" {
			continue
		}
		if err := w.c.Recipient.Create().SetDirectiveID(doc.ID).SetText(clip(e.Text.Text, 500)).SetKind(kind).SetOrdinal(n).Exec(w.ctx); err != nil {
			return fmt.Errorf("distribution %q: %w", e.Text.Text, err)
		}
		n++
	}
	return nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// references links cited documents, creating by-reference nodes for the
// unknown ones, and replaces the document's citations.
func (w *writer) references(doc *ent.Directive, p *Preview, issuer *ent.Organization) error {
	if _, err := w.c.DirectiveReference.Delete().Where(directivereference.SourceID(doc.ID)).Exec(w.ctx); err != nil {
		return err
	}
	for i, rp := range p.References {
		ref := rp.Ref
		target := rp.Target
		if target == nil {
			var err error
			if target, err = findCited(w.ctx, w.c, ref); err != nil {
				return err
			}
		}
		if target == nil {
			var err error
			if target, err = w.byReference(ref, issuer); err != nil {
				return err
			}
		} else if target.IssueDate == nil && !ref.IssueDate.IsZero() && target.ByReference {
			if err := w.c.Directive.UpdateOneID(target.ID).SetIssueDate(ref.IssueDate).Exec(w.ctx); err != nil {
				return err
			}
		}
		rel := directivereference.Relation(strings.ToUpper(string(ref.Relation)))
		if ref.Relation == docparse.RelSupersedes {
			rel = directivereference.RelationSUPERSEDES
		}
		if directivereference.RelationValidator(rel) != nil {
			rel = directivereference.RelationCITES
		}
		if err := w.c.DirectiveReference.Create().
			SetSourceID(doc.ID).SetTargetID(target.ID).SetRelation(rel).
			SetNillableCitedText(nonEmpty(clip(ref.Cited.Text, 10000))).SetCitedSymbol(ref.Symbol.Text).
			SetNillableCitedDate(datePtr(ref.IssueDate)).SetNillableCitedIssuerText(nonEmpty(ref.Issuer.Text)).
			SetOrdinal(i).Exec(w.ctx); err != nil {
			return fmt.Errorf("reference to %s: %w", ref.Symbol.Text, err)
		}
	}
	return nil
}

// byReference creates the node of a document known only because this one
// cites it. Its issuer is found by the symbol's issuer code among the
// citing issuer's ancestors, then anywhere if the code is unique.
func (w *writer) byReference(ref docparse.Reference, citing *ent.Organization) (*ent.Directive, error) {
	sym := ref.Symbol.Text
	number, typeCode, issuerCode := splitSymbol(sym)
	if ref.TypeCode != "" {
		typeCode = ref.TypeCode
	}
	sys := directive.SystemPARTY
	if strings.Contains(sym, "/") && !strings.Contains(strings.SplitN(sym, "/", 2)[0], "-") {
		sys = directive.SystemSTATE
	}
	q := w.c.Directive.Create().SetSymbol(sym).SetByReference(true).
		SetDocType(docType(ref.DocType)).SetSystem(sys).
		SetNillableIssueDate(datePtr(ref.IssueDate)).SetNillableTypeCode(nonEmpty(typeCode)).
		SetNillableIssuerCode(nonEmpty(issuerCode))
	if number > 0 {
		q.SetNumber(number)
	}
	if o := w.issuerByCode(issuerCode, citing); o != nil {
		q.SetIssuerID(o.ID)
	}
	d, err := q.Save(w.ctx)
	if err != nil {
		return nil, fmt.Errorf("create %s known by reference: %w", sym, err)
	}
	w.res.CreatedByReference = append(w.res.CreatedByReference, d)
	return d, nil
}

func (w *writer) issuerByCode(code string, citing *ent.Organization) *ent.Organization {
	if code == "" {
		return nil
	}
	if i := strings.IndexByte(code, '-'); i > 0 {
		code = code[:i]
	}
	if citing != nil && citing.Path != "" {
		var ids []int
		for _, s := range strings.Split(strings.Trim(citing.Path, "/"), "/") {
			if id, err := strconv.Atoi(s); err == nil {
				ids = append(ids, id)
			}
		}
		anc, err := w.c.Organization.Query().Where(organization.IDIn(ids...), organization.AbbreviationEqualFold(code)).
			Order(ent.Asc(organization.FieldPath)).All(w.ctx)
		if err == nil && len(anc) > 0 {
			return anc[0]
		}
	}
	all, err := w.c.Organization.Query().Where(organization.AbbreviationEqualFold(code), organization.ParentIDIsNil()).Limit(2).All(w.ctx)
	if err == nil && len(all) == 1 {
		return all[0]
	}
	return nil
}

// splitSymbol reads number, type code and issuer code from a symbol in
// either convention: 44-KL/TW (Party), 1026/KH-UBND (state),
// 3354/VPCP-KGVX (state công văn), 30/2020/NĐ-CP (legal).
func splitSymbol(sym string) (number int, typeCode, issuerCode string) {
	parts := strings.Split(sym, "/")
	if len(parts) < 2 {
		return 0, "", ""
	}
	if a, b, ok := strings.Cut(parts[0], "-"); ok { // Party
		number, _ = strconv.Atoi(a)
		return number, b, parts[len(parts)-1]
	}
	number, _ = strconv.Atoi(parts[0])
	last := parts[len(parts)-1]
	if t, iss, ok := strings.Cut(last, "-"); ok {
		if strings.ToUpper(t) == t && len([]rune(t)) <= 4 && !strings.Contains(iss, "-") && len(parts) >= 2 {
			return number, t, iss
		}
		return number, "", last
	}
	return number, "", last
}

// tasks writes the tasks: a task already registered under the same section
// path is updated (its assignments' progress is kept), new ones created,
// and tasks no longer in the text removed.
func (w *writer) tasks(doc *ent.Directive, p *Preview) error {
	existing, err := w.c.Task.Query().Where(task.DirectiveID(doc.ID)).All(w.ctx)
	if err != nil {
		return err
	}
	byPath := map[string]*ent.Task{}
	for _, t := range existing {
		byPath[t.SectionPath] = t
	}
	keep := map[int]bool{}
	for i, tp := range p.Tasks {
		t := tp.Task
		text := strings.TrimSpace(t.Text.Text)
		if text == "" {
			text = strings.TrimSpace(t.Heading.Text)
		}
		if text == "" {
			text = "(" + t.Ordinal + ")"
		}
		kind := task.Kind(t.Kind)
		if task.KindValidator(kind) != nil {
			kind = task.KindONE_OFF
		}
		dk := task.DeadlineKind(t.Deadline.Kind)
		if task.DeadlineKindValidator(dk) != nil {
			dk = task.DeadlineKindNONE
		}
		var row *ent.Task
		if old, ok := byPath[t.Ordinal]; ok {
			u := w.c.Task.UpdateOneID(old.ID).SetOrdinal(i).SetText(clip(text, 20000)).
				SetNillableSummary(nonEmpty(clip(t.Heading.Text, 500))).SetKind(kind).SetDeadlineKind(dk).
				SetNillableDueText(nonEmpty(clip(t.Deadline.Text.Text, 200))).SetNillableRecurrence(nonEmpty(t.Deadline.Recurrence))
			if t.Deadline.Due != nil {
				u.SetDueDate(*t.Deadline.Due)
			} else {
				u.ClearDueDate()
			}
			if row, err = u.Save(w.ctx); err != nil {
				return fmt.Errorf("task %s: %w", t.Ordinal, err)
			}
		} else {
			row, err = w.c.Task.Create().SetDirectiveID(doc.ID).SetSectionPath(clip(t.Ordinal, 50)).SetOrdinal(i).
				SetText(clip(text, 20000)).SetNillableSummary(nonEmpty(clip(t.Heading.Text, 500))).
				SetKind(kind).SetDeadlineKind(dk).SetNillableDueDate(t.Deadline.Due).
				SetNillableDueText(nonEmpty(clip(t.Deadline.Text.Text, 200))).SetNillableRecurrence(nonEmpty(t.Deadline.Recurrence)).
				Save(w.ctx)
			if err != nil {
				return fmt.Errorf("task %s: %w", t.Ordinal, err)
			}
		}
		keep[row.ID] = true
		if err := w.assignments(row, tp); err != nil {
			return err
		}
	}
	for _, t := range existing {
		if !keep[t.ID] {
			if err := w.c.Task.DeleteOneID(t.ID).Exec(w.ctx); err != nil {
				return fmt.Errorf("remove task %s: %w", t.SectionPath, err)
			}
		}
	}
	return nil
}

// assignments makes the task's assignees those of the text, keeping the
// progress of the ones already registered.
func (w *writer) assignments(t *ent.Task, tp TaskPreview) error {
	existing, err := w.c.TaskAssignment.Query().Where(taskassignment.TaskID(t.ID)).All(w.ctx)
	if err != nil {
		return err
	}
	type key struct {
		org  int
		role taskassignment.Role
	}
	have := map[key]*ent.TaskAssignment{}
	for _, a := range existing {
		have[key{a.OrganizationID, a.Role}] = a
	}
	want := map[key]bool{}
	for _, ap := range tp.Assignments {
		o, err := w.org(ap.Org)
		if err != nil {
			return err
		}
		if o == nil {
			continue
		}
		k := key{o.ID, ap.Role}
		if want[k] {
			continue
		}
		want[k] = true
		if _, ok := have[k]; ok {
			continue
		}
		if err := w.c.TaskAssignment.Create().SetTaskID(t.ID).SetOrganizationID(o.ID).SetRole(ap.Role).
			SetNillableVerb(nonEmpty(clip(ap.Verb, 200))).Exec(w.ctx); err != nil {
			return fmt.Errorf("task %s, assignee %q: %w", t.SectionPath, o.Name, err)
		}
	}
	for k, a := range have {
		if !want[k] {
			if err := w.c.TaskAssignment.DeleteOneID(a.ID).Exec(w.ctx); err != nil {
				return err
			}
		}
	}
	return nil
}
