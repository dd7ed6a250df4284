package importer

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/internal/textfold"
)

// Match says how a printed name was resolved to an organisation.
type Match string

// Kinds of match, from most to least certain.
const (
	MatchExact     Match = "EXACT"     // the name or an alias, as printed
	MatchContext   Match = "CONTEXT"   // completed with the issuer's locality ("… quận" → "… quận Kiến An")
	MatchPartial   Match = "PARTIAL"   // the printed name is the end of a longer registered name
	MatchNew       Match = "NEW"       // no organisation matches: one is proposed
	MatchGroup     Match = "GROUP"     // a group of bodies ("các Ban xây dựng Đảng"): kept as text
	MatchAmbiguous Match = "AMBIGUOUS" // several match equally: the first is proposed, a person should check
)

// Proposal is a new organisation proposed for a name that matches nothing,
// placed in the tree where its name says.
type Proposal struct {
	Name           string
	Parent         *ent.Organization
	System         organization.System
	Level          organization.Level
	Classification organization.Classification
}

// Resolution is the answer for one printed name.
type Resolution struct {
	Name         string // as printed
	Match        Match
	Organization *ent.Organization // nil for NEW and GROUP
	Proposal     *Proposal         // for NEW
	Candidates   []*ent.Organization
}

// resolver matches printed names against the organisation table, in the
// context of the issuing body.
type resolver struct {
	orgs   []*ent.Organization
	byName map[string][]*ent.Organization // folded name and aliases
	issuer *ent.Organization
	// issuerName is the issuer's name as printed, for a new issuer.
	issuerName string
	place      string // folded proper name of the issuer's locality: "kien an"
	level      organization.Level
	system     organization.System
	cache      map[string]Resolution
}

func newResolver(ctx context.Context, c *ent.Client) (*resolver, error) {
	orgs, err := c.Organization.Query().All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load organisations: %w", err)
	}
	r := &resolver{orgs: orgs, byName: map[string][]*ent.Organization{}, cache: map[string]Resolution{}}
	for _, o := range orgs {
		for _, n := range append([]string{o.Name, o.ShortName}, o.Aliases...) {
			if f := textfold.Fold(n); f != "" {
				r.byName[f] = appendUnique(r.byName[f], o)
			}
		}
	}
	return r, nil
}

func appendUnique(list []*ent.Organization, o *ent.Organization) []*ent.Organization {
	for _, x := range list {
		if x.ID == o.ID {
			return list
		}
	}
	return append(list, o)
}

// levelWords end a name that is relative to the issuer's locality.
var levelWords = regexp.MustCompile(`(?:^| )(tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong|thi tran|quan uy|huyen uy|tinh uy|thanh uy|thi uy|dang uy)$`)

// localityWords name the localities of each level, folded.
var localityWords = map[organization.Level][]string{
	organization.LevelPROVINCIAL: {"tinh", "thanh pho", "tp"},
	organization.LevelDISTRICT:   {"quan", "huyen", "thi xa", "thanh pho"},
	organization.LevelCOMMUNE:    {"xa", "phuong", "thi tran", "dac khu"},
}

// typeWords start the names of bodies; what follows is the place.
var typeWords = regexp.MustCompile(`^(?:ban thuong vu |thuong truc )?(?:quan uy|huyen uy|tinh uy|thanh uy|thi uy|dang uy|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|uy ban mat tran to quoc viet nam|van phong)(?: (?:tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong|thi tran))? `)

// placeOf is the folded proper name of an organisation's locality:
// "Quận ủy Kiến An" → "kien an", "Ủy ban nhân dân tỉnh Nghệ An" → "nghe an".
func placeOf(name string) string {
	f := textfold.Fold(name)
	if m := typeWords.FindStringIndex(f); m != nil {
		return strings.TrimSpace(f[m[1]:])
	}
	return ""
}

// setIssuer fixes the context of the names that follow.
func (r *resolver) setIssuer(o *ent.Organization, issuerName string, level organization.Level, system organization.System) {
	r.issuer = o
	r.issuerName = issuerName
	r.level, r.system = level, system
	r.place = placeOf(issuerName)
	if o != nil {
		r.place = placeOf(o.Name)
		r.level, r.system = o.Level, o.System
	}
	r.cache = map[string]Resolution{}
}

// isGroup tells whether a name stands for several bodies.
func isGroup(f string) bool {
	return strings.HasPrefix(f, "cac ") || strings.HasPrefix(f, "nhung ") || strings.Contains(f, " cac cap") ||
		strings.HasPrefix(f, "moi ") || strings.HasPrefix(f, "toan the ")
}

// resolve answers one printed name.
func (r *resolver) resolve(name string) Resolution {
	name = strings.TrimSpace(name)
	if res, ok := r.cache[name]; ok {
		return res
	}
	res := r.resolveUncached(name)
	r.cache[name] = res
	return res
}

func (r *resolver) resolveUncached(name string) Resolution {
	f := textfold.Fold(name)
	res := Resolution{Name: name}
	if f == "" {
		res.Match = MatchGroup
		return res
	}
	if isGroup(f) {
		res.Match = MatchGroup
		return res
	}
	relative := r.place != "" && levelWords.MatchString(f) && !strings.HasSuffix(f, r.place)
	// 1. With the issuer's place: "Hội Chữ thập đỏ quận" → "… quận Kiến An".
	if relative {
		if c := r.byName[f+" "+r.place]; len(c) > 0 {
			return r.pick(res, MatchContext, c)
		}
		if c := r.suffix(f + " " + r.place); len(c) > 0 {
			return r.pick(res, MatchContext, c)
		}
	}
	// 2. The name or an alias as printed.
	if c := r.byName[f]; len(c) > 0 {
		return r.pick(res, MatchExact, c)
	}
	// 3. A body named without its locality is the issuer's locality's:
	// "Mặt trận Tổ quốc Việt Nam" in a district's document.
	if !relative && r.place != "" {
		for _, lw := range localityWords[r.level] {
			full := f + " " + lw + " " + r.place
			if c := r.byName[full]; len(c) > 0 {
				return r.pick(res, MatchContext, c)
			}
			if c := r.suffix(full); len(c) > 0 {
				return r.pick(res, MatchContext, c)
			}
		}
	}
	// 4. The printed name ends a registered one ("Mặt trận Tổ quốc Việt Nam
	// quận Kiến An" ends "Ủy ban Mặt trận …").
	if !relative {
		if c := r.suffix(f); len(c) > 0 {
			return r.pick(res, MatchPartial, c)
		}
	}
	res.Match = MatchNew
	res.Proposal = r.propose(name, f, relative)
	return res
}

// suffix finds organisations whose folded name ends with f as whole words.
func (r *resolver) suffix(f string) []*ent.Organization {
	var out []*ent.Organization
	for key, os := range r.byName {
		if strings.HasSuffix(key, " "+f) {
			for _, o := range os {
				out = appendUnique(out, o)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// pick chooses among candidates: those of the issuer's place, then those
// sharing the issuer's tree, then the shortest name.
func (r *resolver) pick(res Resolution, m Match, c []*ent.Organization) Resolution {
	res.Candidates = c
	if len(c) == 1 {
		res.Match, res.Organization = m, c[0]
		return res
	}
	best, bestScore, tie := c[0], -1, false
	for _, o := range c {
		s := 0
		if r.place != "" && strings.Contains(textfold.Fold(o.Name), r.place) {
			s += 4
		}
		if r.issuer != nil && r.issuer.Path != "" && o.Path != "" && sharedRoot(r.issuer.Path, o.Path) {
			s += 2
		}
		if o.Level == r.level {
			s++
		}
		switch {
		case s > bestScore:
			best, bestScore, tie = o, s, false
		case s == bestScore:
			tie = true
		}
	}
	res.Organization = best
	res.Match = m
	if tie {
		res.Match = MatchAmbiguous
	}
	return res
}

// sharedRoot tells whether two materialised paths have a common ancestor
// below the root of the tree.
func sharedRoot(a, b string) bool {
	pa, pb := strings.Split(strings.Trim(a, "/"), "/"), strings.Split(strings.Trim(b, "/"), "/")
	return len(pa) > 1 && len(pb) > 1 && pa[0] == pb[0] && pa[1] == pb[1]
}

// propose places a new organisation where its name says: departments and
// offices of a Party committee under the committee, specialised agencies
// under the people's committee, associations under the Fatherland Front,
// Party organisations under the committee, and anything else under the
// issuer.
func (r *resolver) propose(name, f string, relative bool) *Proposal {
	p := &Proposal{Name: name, Level: r.level, System: r.system, Classification: organization.ClassificationOTHER}
	if relative && r.place != "" {
		issuerName := r.issuerName
		if r.issuer != nil {
			issuerName = r.issuer.Name
		}
		if place := titlePlace(issuerName); place != "" {
			p.Name = name + " " + place
		}
	}
	switch {
	case strings.HasSuffix(f, " tinh") || strings.HasSuffix(f, " thanh pho") || strings.Contains(f, " tinh uy"):
		p.Level = organization.LevelPROVINCIAL
	case strings.HasSuffix(f, " quan") || strings.HasSuffix(f, " huyen") || strings.HasSuffix(f, " thi xa") || strings.Contains(f, "quan uy") || strings.Contains(f, "huyen uy"):
		p.Level = organization.LevelDISTRICT
	case strings.HasSuffix(f, " xa") || strings.HasSuffix(f, " phuong") || strings.HasSuffix(f, " thi tran"):
		p.Level = organization.LevelCOMMUNE
	}
	if p.Level == "" {
		p.Level = organization.LevelGRASSROOTS
	}
	committee := func() *ent.Organization {
		for _, w := range []string{"quan uy", "huyen uy", "tinh uy", "thanh uy", "thi uy", "dang uy"} {
			if c := r.byName[w+" "+r.place]; len(c) > 0 {
				return c[0]
			}
		}
		return r.issuer
	}
	byPrefix := func(prefixes ...string) *ent.Organization {
		for _, pf := range prefixes {
			if c := r.byName[pf+" "+r.place]; len(c) > 0 {
				return c[0]
			}
			if c := r.suffix(pf + " " + r.place); len(c) > 0 {
				return c[0]
			}
		}
		return nil
	}
	levelWord := map[organization.Level]string{organization.LevelPROVINCIAL: "tinh", organization.LevelDISTRICT: "quan", organization.LevelCOMMUNE: "phuong"}[p.Level]
	switch {
	case strings.HasPrefix(f, "ban ") || strings.HasPrefix(f, "van phong") || strings.HasPrefix(f, "uy ban kiem tra"):
		p.System, p.Parent = organization.SystemPARTY, committee()
		p.Classification = organization.ClassificationPARTY_DEPARTMENT
		if strings.HasPrefix(f, "uy ban kiem tra") {
			p.Classification = organization.ClassificationPARTY_INSPECTION
		}
	case strings.HasPrefix(f, "dang bo") || strings.HasPrefix(f, "dang uy"):
		p.System, p.Parent, p.Classification = organization.SystemPARTY, committee(), organization.ClassificationPARTY_BASE_COMMITTEE
	case strings.HasPrefix(f, "chi bo"):
		p.System, p.Parent, p.Classification = organization.SystemPARTY, committee(), organization.ClassificationPARTY_CELL
	case strings.HasPrefix(f, "phong ") || strings.HasPrefix(f, "so ") || strings.HasPrefix(f, "cong an") || strings.HasPrefix(f, "ban quan ly"):
		p.System, p.Classification = organization.SystemSTATE, organization.ClassificationSTATE_DEPARTMENT
		p.Parent = byPrefix("uy ban nhan dan "+levelWord, "ubnd "+levelWord)
	case strings.HasPrefix(f, "trung tam") || strings.HasPrefix(f, "truong ") || strings.HasPrefix(f, "benh vien"):
		p.System, p.Classification = organization.SystemSTATE, organization.ClassificationPUBLIC_SERVICE_UNIT
		p.Parent = byPrefix("uy ban nhan dan "+levelWord, "ubnd "+levelWord)
	case strings.HasPrefix(f, "hoi ") || strings.HasPrefix(f, "doan ") || strings.HasPrefix(f, "lien doan") || strings.HasPrefix(f, "cong doan"):
		p.System, p.Classification = organization.SystemFRONT, organization.ClassificationMASS_ASSOCIATION
		for _, so := range []string{"hoi lien hiep phu nu", "hoi nong dan", "hoi cuu chien binh", "doan thanh nien", "lien doan lao dong", "cong doan"} {
			if strings.HasPrefix(f, so) {
				p.Classification = organization.ClassificationSOCIO_POLITICAL_ORG
			}
		}
		p.Parent = byPrefix("uy ban mat tran to quoc viet nam "+levelWord, "mat tran to quoc viet nam "+levelWord)
	}
	if p.Parent == nil {
		p.Parent = r.issuer
	}
	return p
}

// titlePlace is the place as printed in an issuer's name ("Kiến An").
func titlePlace(name string) string {
	words := strings.Fields(name)
	n := len(strings.Fields(placeOf(name)))
	if n == 0 || n > len(words) {
		return ""
	}
	return strings.Join(words[len(words)-n:], " ")
}

// MarshalGQL writes the match as a GraphQL enum value.
func (m Match) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(m))) }

// UnmarshalGQL reads a GraphQL enum value.
func (m *Match) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("organization match must be a string")
	}
	*m = Match(s)
	return nil
}
