package docparse

import (
	"regexp"
	"strings"
)

// Kính gửi (addressees who must act) and Nơi nhận (the distribution list at
// the bottom left), DOMAIN.md §1.7. Each Nơi nhận entry keeps its printed
// text and gets a kind: "Như trên" repeats the addressees, "(để b/c)" is for
// report to a superior, "(để biết)" for information, "Lưu …" the archive.
var (
	reNoiNhan   = regexp.MustCompile(`(?i)(?:^|\s)nơi\s+nhận\s*[:.]?\s*`)
	reDashSplit = regexp.MustCompile(`(?:^|[;,.]\s*)[-+•]\s+`)
	reForReport = regexp.MustCompile(`(?i)để\s*(?:b/c|bc|báo\s*cáo)|\(b/c\)`)
	reForInfo   = regexp.MustCompile(`(?i)để\s*(?:biết|theo dõi|t/d|phối hợp|p/h)`)
	reAddressee = regexp.MustCompile(`(?i)^như\s+trên|để\s*(?:thực hiện|t/h|th)\b`)
	reArchive   = regexp.MustCompile(`(?i)^lưu\b`)
)

// parseKinhGui reads the addressee list starting at line k; it returns the
// index of the first line after it.
func parseKinhGui(d *doc, dr *Draft, k int) int {
	l := d.lines[k]
	m := reKinhGui.FindStringIndex(l.s)
	if m == nil {
		m = []int{0, len(l.s)} // "… điện:" line: the list follows
	}
	type rng struct{ i, j int }
	var entries []rng
	if rest := strings.TrimSpace(l.s[m[1]:]); rest != "" {
		entries = append(entries, rng{l.i + m[1], l.j})
	}
	x := k + 1
	dashes := false
	for ; x < len(d.lines) && x < k+60; x++ {
		n := d.lines[x]
		if n.blank() {
			if len(entries) > 0 {
				// a blank line ends the list unless a dash item follows
				if x+1 < len(d.lines) && isDashLine(d.lines[x+1].s) && dashes {
					continue
				}
				x++
				break
			}
			continue
		}
		s := n.s
		if isDashLine(s) {
			dashes = true
			entries = append(entries, rng{n.i, n.j})
			continue
		}
		if len(entries) == 0 && runeLen(s) < 200 && !reBodyCue.MatchString(s) {
			entries = append(entries, rng{n.i, n.j})
			continue
		}
		if dashes && !startsUpper(s) && len(entries) > 0 {
			entries[len(entries)-1].j = n.j // a wrapped entry
			continue
		}
		break
	}
	for _, e := range entries {
		addRecipients(d, dr, e.i, e.j)
	}
	return x
}

func isDashLine(s string) bool {
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "•")
}

// addRecipients splits one Kính gửi entry (doc text [i, j)) into
// organisations.
func addRecipients(d *doc, dr *Draft, i, j int) {
	i, j = trimRange(d.t.s, i, j, ",;:.-+•* ")
	if j <= i {
		return
	}
	txt := d.t.s[i:j]
	toks := tokenize(txt)
	os, end := orgList(toks, 0)
	rest := ""
	if end < len(toks) {
		rest = trimPunct(txt[toks[end].i:])
	}
	if len(os) == 0 || rest != "" && len(os) == 1 {
		// not a clean list of names: keep the entry whole, split on ";"
		st := 0
		for _, p := range strings.Split(txt, ";") {
			a, b := trimRange(txt, st, st+len(p), ",;:.-+•* ")
			st += len(p) + 1
			if b > a {
				f := d.fieldAt(i+a, i+b)
				dr.Recipients = append(dr.Recipients, Recipient{Name: f.Text, Printed: f})
			}
		}
		return
	}
	names := orgNames(toks, os)
	for x, o := range os {
		f := d.fieldAt(i+toks[o.titleA].i, i+toks[o.b-1].j)
		dr.Recipients = append(dr.Recipients, Recipient{Name: names[x], Printed: f})
	}
	if rest != "" {
		f := d.fieldAt(i+toks[end].i, j)
		f.Text = trimPunct(f.Text)
		dr.Recipients = append(dr.Recipients, Recipient{Name: f.Text, Printed: f})
	}
}

// parseNoiNhan reads the distribution list from line k.
func parseNoiNhan(d *doc, dr *Draft, k int) {
	l := d.lines[k]
	m := reNoiNhan.FindStringIndex(l.s)
	if m == nil {
		return
	}
	add := func(i, j int) {
		i, j = trimRange(d.t.s, i, j, "-+•,;.:* ")
		if j <= i {
			return
		}
		f := d.fieldAt(i, j)
		dr.Distribution = append(dr.Distribution, DistributionEntry{Text: f, Kind: distKind(f.Text)})
	}
	// entries on the same line (table cell): "- Như trên; - TTCP (để b/c); …"
	rest := l.s[m[1]:]
	if strings.TrimSpace(rest) != "" {
		base := l.i + m[1]
		cuts := reDashSplit.FindAllStringIndex(rest, -1)
		if len(cuts) == 0 {
			add(base, l.j)
		} else {
			if strings.TrimSpace(rest[:cuts[0][0]]) != "" {
				add(base, base+cuts[0][0])
			}
			for c := range cuts {
				e := len(rest)
				if c+1 < len(cuts) {
					e = cuts[c+1][0]
				}
				// a signature merged after the list in the same cell
				seg := rest[cuts[c][1]:e]
				if f := reFormula.FindStringIndex(seg); f != nil && c+1 == len(cuts) {
					e = cuts[c][1] + f[0]
				}
				add(base+cuts[c][1], base+e)
			}
		}
	}
	started := len(dr.Distribution) > 0
	for x := k + 1; x < len(d.lines) && x < k+80; x++ {
		n := d.lines[x]
		if n.blank() {
			continue
		}
		s := n.s
		if isDashLine(s) {
			started = true
			add(n.i, n.j)
			continue
		}
		if reFormula.MatchString(s) || isUpperLine(s) || looksLikeName(s) || isSignedMark(s) {
			continue
		}
		if started && !startsUpper(s) && len(dr.Distribution) > 0 {
			last := &dr.Distribution[len(dr.Distribution)-1]
			last.Text.Text = strings.TrimRight(last.Text.Text+" "+trimPunct(s), " ,;.")
			last.Text.Span.End = d.t.span(n.i, n.j).End
			continue
		}
		if !started && runeLen(s) < 120 {
			started = true
			add(n.i, n.j)
			continue
		}
		if runeLen(s) > 150 {
			break
		}
	}
}

func distKind(s string) RecipientKind {
	if !containsAny(s, "Lưu", "lưu", "LƯU", "trên", "TRÊN", "để", "Để", "b/c", "B/C", "t/h", "T/H") {
		return KindDistribution
	}
	switch {
	case reArchive.MatchString(s):
		return KindArchive
	case reAddressee.MatchString(s):
		return KindAddressee
	case reForReport.MatchString(s):
		return KindForReport
	case reForInfo.MatchString(s):
		return KindForInfo
	}
	return KindDistribution
}
