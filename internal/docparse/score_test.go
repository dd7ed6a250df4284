package docparse

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// A faithful port of shared/corpus/score (Python): the same normalisation,
// the same set-F1 with greedy first-match, and the same parts.

var (
	scoreDash  = regexp.MustCompile(`[\x{2010}-\x{2015}\-]`) // Python: [\u2010-\u2015\-–—]
	scorePunct = regexp.MustCompile("[*_`\"“”‘’.,;:()]")
	scoreSpace = regexp.MustCompile(`\s+`)
	folder     = cases.Fold()
)

func scoreNorm(v any) string {
	if v == nil {
		return ""
	}
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case float64:
		s = pyNumber(x)
	case bool:
		if x {
			s = "True"
		} else {
			s = "False"
		}
	default:
		b, _ := json.Marshal(x)
		s = string(b)
	}
	s = folder.String(norm.NFC.String(s))
	s = scoreDash.ReplaceAllString(s, "-")
	s = scorePunct.ReplaceAllString(s, " ")
	return strings.TrimSpace(scoreSpace.ReplaceAllString(s, " "))
}

func pyNumber(f float64) string {
	if f == float64(int64(f)) {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%v", f)
}

func scoreSame(a, b any) bool {
	x, y := scoreNorm(a), scoreNorm(b)
	return x != "" && y != "" && (x == y || strings.Contains(y, x) || strings.Contains(x, y))
}

func scoreExact(a, b any) bool {
	x := scoreNorm(a)
	return x == scoreNorm(b) && x != ""
}

func setF1[G, X any](gold []G, got []X, eq func(G, X) bool) float64 {
	if len(gold) == 0 && len(got) == 0 {
		return 1
	}
	used := map[int]bool{}
	hits := 0
	for _, g := range gold {
		for i, x := range got {
			if !used[i] && eq(g, x) {
				used[i] = true
				hits++
				break
			}
		}
	}
	var p, r float64
	if len(got) > 0 {
		p = float64(hits) / float64(len(got))
	}
	if len(gold) > 0 {
		r = float64(hits) / float64(len(gold))
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type obj = map[string]any

func asObj(v any) obj {
	if m, ok := v.(map[string]any); ok {
		return m
	}
	return obj{}
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return nil
}

// scoreParts scores got against gold (both decoded JSON) and returns the
// parts and their mean.
func scoreParts(gold, got obj) (map[string]float64, float64) {
	parts := map[string]float64{}
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	for _, f := range []string{"symbol", "number", "type", "issued_on", "place"} {
		if g, ok := gold[f]; ok {
			parts[f] = b2f(scoreExact(g, got[f]))
		}
	}
	for _, f := range []string{"issuer", "issuer_superior", "subject"} {
		if g, ok := gold[f]; ok {
			parts[f] = b2f(scoreSame(g, got[f]))
		}
	}
	gs, ss := asObj(gold["signer"]), asObj(got["signer"])
	for _, f := range []string{"name", "position", "authority"} {
		if g, ok := gs[f]; ok {
			parts["signer."+f] = b2f(scoreExact(g, ss[f]))
		}
	}
	grefs, refs := asList(gold["references"]), asList(got["references"])
	parts["references"] = setF1(grefs, refs, func(g, x any) bool { return scoreExact(asObj(g)["symbol"], asObj(x)["symbol"]) })
	var detail []float64
	for _, g := range grefs {
		gm := asObj(g)
		var x obj
		for _, r := range refs {
			if scoreExact(gm["symbol"], asObj(r)["symbol"]) {
				x = asObj(r)
				break
			}
		}
		for _, f := range []string{"type", "issued_on", "relation"} {
			if gv, ok := gm[f]; ok {
				detail = append(detail, b2f(x != nil && scoreExact(gv, x[f])))
			}
		}
	}
	if len(detail) > 0 {
		parts["references.fields"] = mean(detail)
	}
	if g, ok := gold["recipients"]; ok {
		parts["recipients"] = setF1(asList(g), asList(got["recipients"]), scoreSame)
	}
	if g, ok := gold["distribution"]; ok {
		parts["distribution"] = setF1(asList(g), asList(got["distribution"]), scoreSame)
	}
	gtasks, tasks := asList(gold["tasks"]), asList(got["tasks"])
	if len(gtasks) > 0 {
		var gord, tord []any
		for _, t := range gtasks {
			gord = append(gord, asObj(t)["ordinal"])
		}
		for _, t := range tasks {
			tord = append(tord, fmt.Sprint(asObj(t)["ordinal"]))
		}
		parts["tasks"] = setF1(gord, tord, scoreExact)
		type pair struct{ ord, org any }
		var pg, px []pair
		var roles []float64
		for _, t := range gtasks {
			tm := asObj(t)
			var x obj
			for _, y := range tasks {
				if scoreExact(tm["ordinal"], asObj(y)["ordinal"]) {
					x = asObj(y)
					break
				}
			}
			xs := asList(x["assignments"])
			for _, a := range asList(tm["assignments"]) {
				pg = append(pg, pair{tm["ordinal"], asObj(a)["organisation"]})
			}
			for _, a := range xs {
				px = append(px, pair{tm["ordinal"], asObj(a)["organisation"]})
			}
			for _, a := range asList(tm["assignments"]) {
				am := asObj(a)
				role, _ := am["role"].(string)
				if role == "" || role == "any" {
					continue
				}
				var m obj
				for _, b := range xs {
					if scoreSame(am["organisation"], asObj(b)["organisation"]) {
						m = asObj(b)
						break
					}
				}
				roles = append(roles, b2f(m != nil && scoreExact(am["role"], m["role"])))
			}
		}
		parts["assignments"] = setF1(pg, px, func(g, x pair) bool { return scoreExact(g.ord, x.ord) && scoreSame(g.org, x.org) })
		if len(roles) > 0 {
			parts["assignments.roles"] = mean(roles)
		}
	}
	var vals []float64
	for _, v := range parts {
		vals = append(vals, v)
	}
	return parts, mean(vals)
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func formatParts(parts map[string]float64) string {
	var ks []string
	for k := range parts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	var sb strings.Builder
	for _, k := range ks {
		fmt.Fprintf(&sb, "  %s: %.2f\n", k, parts[k])
	}
	return sb.String()
}
