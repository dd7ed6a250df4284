package docparse

import "time"

// Corpus is the JSON form that `chidao parse` prints and the corpus scorer
// reads (shared/corpus/README.md). It is a flat summary of a Draft; the
// Draft keeps the spans and the finer detail.
type Corpus struct {
	Symbol         string       `json:"symbol"`
	Number         string       `json:"number"`
	Type           string       `json:"type"`
	Issuer         string       `json:"issuer"`
	IssuerSuperior string       `json:"issuer_superior,omitempty"`
	Place          string       `json:"place"`
	IssuedOn       string       `json:"issued_on"`
	Subject        string       `json:"subject"`
	References     []CorpusRef  `json:"references"`
	Recipients     []string     `json:"recipients,omitempty"`
	Tasks          []CorpusTask `json:"tasks"`
	Signer         CorpusSigner `json:"signer"`
	Distribution   []string     `json:"distribution,omitempty"`
}

// CorpusRef is a cited document in the corpus form.
type CorpusRef struct {
	Symbol   string `json:"symbol"`
	Type     string `json:"type"`
	IssuedOn string `json:"issued_on,omitempty"`
	Issuer   string `json:"issuer,omitempty"`
	Relation string `json:"relation"`
}

// CorpusTask is a task in the corpus form.
type CorpusTask struct {
	Ordinal     string             `json:"ordinal"`
	Text        string             `json:"text"`
	Assignments []CorpusAssignment `json:"assignments"`
	Due         string             `json:"due,omitempty"`
}

// CorpusAssignment is one body's role in a task.
type CorpusAssignment struct {
	Organisation string `json:"organisation"`
	Role         string `json:"role"`
}

// CorpusSigner is the signer in the corpus form.
type CorpusSigner struct {
	Name           string   `json:"name"`
	Position       string   `json:"position"`
	Authority      string   `json:"authority"`
	OnBehalfOf     string   `json:"on_behalf_of"`
	AuthorityChain []string `json:"authority_chain,omitempty"`
}

func dateStr(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// Corpus renders the draft in the corpus JSON form. Relations outside the
// corpus vocabulary (based_on) are printed as "cites"; assignments name the
// issuer in full when the text refers to it by a short form.
func (d *Draft) Corpus() Corpus {
	h := d.Header
	c := Corpus{
		Symbol:         h.Symbol.Text,
		Number:         h.NumberText.Text,
		Type:           h.TypeCode.Text,
		Issuer:         h.Issuer.Text,
		IssuerSuperior: h.Superior.Text,
		Place:          h.Place.Text,
		IssuedOn:       dateStr(h.IssueDate),
		Subject:        h.Subject.Text,
		References:     []CorpusRef{},
		Tasks:          []CorpusTask{},
	}
	for _, r := range d.References {
		rel := r.Relation
		if rel == RelBasedOn {
			rel = RelCites
		}
		c.References = append(c.References, CorpusRef{
			Symbol: r.Symbol.Text, Type: r.TypeCode, IssuedOn: dateStr(r.IssueDate),
			Issuer: r.Issuer.Text, Relation: string(rel),
		})
	}
	for _, r := range d.Recipients {
		c.Recipients = append(c.Recipients, r.Name)
	}
	for _, t := range d.Tasks {
		ct := CorpusTask{Ordinal: t.Ordinal, Text: t.Text.Text, Assignments: []CorpusAssignment{}, Due: dueOf(t)}
		for _, a := range t.Assignments {
			ct.Assignments = append(ct.Assignments, CorpusAssignment{Organisation: a.Canonical, Role: string(a.Role)})
		}
		c.Tasks = append(c.Tasks, ct)
	}
	s := d.Signature
	c.Signer = CorpusSigner{Name: s.Name.Text, Position: s.Position.Text, Authority: s.Authority, OnBehalfOf: s.OnBehalfOf}
	if len(s.Formulas) > 1 {
		for _, f := range s.Formulas {
			c.Signer.AuthorityChain = append(c.Signer.AuthorityChain, f.Formula+" "+f.Body)
		}
	}
	for _, e := range d.Distribution {
		c.Distribution = append(c.Distribution, e.Text.Text)
	}
	return c
}
