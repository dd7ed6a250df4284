package graph

import (
	"strings"
	"time"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/directivereference"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/graph/model"
	"github.com/chidao/chidao/internal/docparse"
	"github.com/chidao/chidao/internal/importer"
)

// This file maps the importer's preview to its GraphQL types; the logic is
// in internal/importer.

func strPtr(s string) *string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return &s
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func spanOf(s docparse.Span) *model.TextSpan {
	if s.Empty() {
		return nil
	}
	return &model.TextSpan{Start: s.Start, End: s.End}
}

func resolutionOf(r importer.Resolution) *model.OrganizationResolution {
	out := &model.OrganizationResolution{Name: r.Name, Match: r.Match, Organization: r.Organization, Candidates: r.Candidates}
	if p := r.Proposal; p != nil {
		out.Proposed = &model.ProposedOrganization{Name: p.Name, Parent: p.Parent, System: p.System, Level: p.Level, Classification: p.Classification}
	}
	if out.Candidates == nil {
		out.Candidates = []*ent.Organization{} // the field is a non-null list
	}
	return out
}

func warningsOf(ws []docparse.Warning) []*model.ImportWarning {
	out := make([]*model.ImportWarning, 0, len(ws))
	for _, w := range ws {
		out = append(out, &model.ImportWarning{Code: w.Code, Message: w.Message, Span: spanOf(w.Span)})
	}
	return out
}

func previewOf(p *importer.Preview) *model.ImportPreview {
	h := p.Draft.Header
	dt := directive.DocType(h.DocType)
	if directive.DocTypeValidator(dt) != nil {
		dt = directive.DocTypeOTHER
	}
	sys := directive.SystemPARTY
	switch h.System {
	case docparse.SystemState:
		sys = directive.SystemSTATE
	case docparse.SystemFront:
		sys = directive.SystemFRONT
	}
	out := &model.ImportPreview{
		Symbol: h.Symbol.Text, TypeCode: strPtr(h.TypeCode.Text), DocType: dt, System: sys,
		IssueDate: timePtr(h.IssueDate), Place: strPtr(h.Place.Text), Subject: strPtr(h.Subject.Text),
		Existing: p.Existing, Issuer: resolutionOf(p.Issuer),
		Recipients:   []*model.OrganizationResolution{},
		Distribution: []string{},
		References:   []*model.ReferencePreview{},
		Tasks:        []*model.TaskPreview{},
		Signer: &model.SignerPreview{Name: strPtr(p.Draft.Signature.Name.Text), Position: strPtr(p.Draft.Signature.Position.Text),
			Authority: strPtr(p.Draft.Signature.Authority), OnBehalfOf: strPtr(p.Draft.Signature.OnBehalfOf)},
		Warnings: warningsOf(p.Warnings),
	}
	if h.Number > 0 {
		n := h.Number
		out.Number = &n
	}
	if p.ActingBody != nil {
		out.ActingBody = resolutionOf(*p.ActingBody)
	}
	for _, r := range p.Recipients {
		out.Recipients = append(out.Recipients, resolutionOf(r))
	}
	for _, e := range p.Draft.Distribution {
		out.Distribution = append(out.Distribution, e.Text.Text)
	}
	for _, r := range p.References {
		rel := directivereference.Relation(strings.ToUpper(string(r.Ref.Relation)))
		if directivereference.RelationValidator(rel) != nil {
			rel = directivereference.RelationCITES
		}
		out.References = append(out.References, &model.ReferencePreview{
			Symbol: r.Ref.Symbol.Text, Relation: rel, IssueDate: timePtr(r.Ref.IssueDate),
			IssuerText: strPtr(r.Ref.Issuer.Text), CitedText: strPtr(r.Ref.Cited.Text), Target: r.Target,
		})
	}
	for _, tp := range p.Tasks {
		t := tp.Task
		kind := task.Kind(t.Kind)
		if task.KindValidator(kind) != nil {
			kind = task.KindONE_OFF
		}
		dk := task.DeadlineKind(t.Deadline.Kind)
		if task.DeadlineKindValidator(dk) != nil {
			dk = task.DeadlineKindNONE
		}
		mt := &model.TaskPreview{SectionPath: t.Ordinal, Text: t.Text.Text, Heading: strPtr(t.Heading.Text), Kind: kind,
			DeadlineKind: dk, DueDate: t.Deadline.Due, DueText: strPtr(t.Deadline.Text.Text), Recurrence: strPtr(t.Deadline.Recurrence),
			Assignments: []*model.AssignmentPreview{}, Span: spanOf(t.Text.Span)}
		for _, a := range tp.Assignments {
			mt.Assignments = append(mt.Assignments, &model.AssignmentPreview{Role: a.Role, Verb: strPtr(a.Verb), Organization: resolutionOf(a.Org)})
		}
		out.Tasks = append(out.Tasks, mt)
	}
	return out
}

func correctionsOf(c *model.ImportCorrections) importer.Corrections {
	out := importer.Corrections{Organizations: map[string]importer.Choice{}}
	if c == nil {
		return out
	}
	for _, o := range c.Organizations {
		ch := importer.Choice{}
		if o.OrganizationID != nil {
			ch.OrganizationID = *o.OrganizationID
		}
		if o.Create != nil {
			ch.Create = *o.Create
		}
		if o.Skip != nil {
			ch.Skip = *o.Skip
		}
		out.Organizations[o.Name] = ch
	}
	return out
}

func resultOf(r *importer.Result) *model.ImportResult {
	return &model.ImportResult{
		Directive: r.Directive, Created: r.Created,
		CreatedOrganizations: append(r.CreatedOrganizations[:0:0], r.CreatedOrganizations...),
		CreatedByReference:   append(r.CreatedByReference[:0:0], r.CreatedByReference...),
		Warnings:             warningsOf(r.Warnings),
	}
}
