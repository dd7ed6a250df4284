package docparse

import (
	"regexp"
	"strings"
	"unicode"
)

// Signature grammar (DOMAIN.md §1.8): zero or more authority formulas, each
// followed by the collective or post it acts for — Party "T/M", "K/T",
// "T/L", "T/UQ"; state "TM.", "KT.", "TL.", "TUQ.", "Q." — then the
// signer's post and name: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ
// TỊCH / Bùi Thanh An". Without a formula the head signs directly ("BỘ
// TRƯỞNG / Nguyễn Văn A"). Conversions break the block over lines ("TM. ỦY
// BAN NHÂN\nDÂN") or put it on one line of a table cell.
var (
	reFormula     = regexp.MustCompile(`(?:^|\s)(T\s?/\s?M|K\s?/\s?T|T\s?/\s?L|T\s?/\s?UQ|TM\s?\.|KT\s?\.|TL\s?\.|TUQ\s?\.|Q\s?\.)\s*\p{Lu}`)
	reFormulaLine = regexp.MustCompile(`^(T\s?/\s?M|K\s?/\s?T|T\s?/\s?L|T\s?/\s?UQ|TM\s?\.|KT\s?\.|TL\s?\.|TUQ\s?\.|Q\s?\.)\s*\p{Lu}`)
	reSignedMark  = regexp.MustCompile(`(?i)^[(\[]?\s*(?:đã\s*ký|ký\s*(?:tên|,)?.*đóng dấu|ký\s*tên|chữ\s*ký.*|signed|daky)\s*[)\]]?$`)
)

// posts are signer posts; a post phrase may be preceded by "PHÓ".
var posts = newDict(
	"chủ tịch", "bí thư", "chánh văn phòng", "trưởng ban", "giám đốc", "bộ trưởng", "thứ trưởng",
	"chủ nhiệm", "thủ tướng", "cục trưởng", "vụ trưởng", "trưởng phòng", "tổng giám đốc",
	"viện trưởng", "chánh án", "tổng cục trưởng", "ủy viên", "thường trực", "hiệu trưởng",
	"chánh thanh tra", "chỉ huy trưởng", "tổng bí thư", "trưởng", "chủ tịch nước", "tổng thư ký",
	"chánh", "trưởng đoàn", "tư lệnh", "chính ủy", "giám đốc sở", "trưởng ban thường trực",
	"phó", "quyền",
)

// surnames are the common Vietnamese family names; a line in capitals that
// starts with one, under the signature block, is the signer's name.
var surnames = map[string]bool{}

func init() {
	for _, s := range strings.Fields("nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trương lâm mai cao hà tô lương trịnh tạ đào chu thái vương triệu quách kiều hồng lưu văn tăng la giang diệp lục mạc khổng đàm thân châu lò hứa tống nghiêm âu quan ninh lại kim từ tôn") {
		surnames[s] = true
	}
}

// upperName reports whether an upper-case line is a person's name.
func upperName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 || !isUpperLine(s) || !surnames[strings.ToLower(ws[0])] {
		return false
	}
	for _, w := range ws {
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	toks := tokenize(strings.ToLower(s))
	return posts.match(toks, 0) == 0 && strongHeads.match(toks, 0) == 0
}

// titleCase writes an upper-case name in title case.
func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for k, w := range ws {
		ws[k] = titleWord(w)
	}
	return strings.Join(ws, " ")
}

// maybeFormula is a cheap test before reFormula.
func maybeFormula(s string) bool {
	return containsAny(s, "/M", "/ M", "/T", "/ T", "/L", "/ L", "/UQ", "/ UQ", "TM", "KT", "TL", "TUQ", "Q.", "Q .")
}

func isSignedMark(s string) bool { return reSignedMark.MatchString(strings.TrimSpace(s)) }

// looksLikeName: 2–6 words, each starting with a capital followed by
// lower-case letters, no digits or punctuation (a person's full name).
func looksLikeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		rs := []rune(w)
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs[1:] {
			if !unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// parseSignature looks for the signature block in lines [from, len).
func parseSignature(d *doc, dr *Draft, from int) {
	lines := d.lines
	start := -1
	for k := max(from, 0); k < len(lines); k++ {
		s := lines[k].s
		if !maybeFormula(s) {
			continue
		}
		if m := reFormula.FindStringIndex(s); m != nil {
			// the formula must open the line or follow a list merged in front
			if m[0] == 0 || reFormulaLine.MatchString(strings.TrimSpace(s[m[0]:])) && (reNoiNhan.MatchString(s) || isDashLine(s) || strings.Contains(s[:m[0]], ";")) {
				start = k
				break
			}
		}
	}
	if start < 0 {
		parseDirectSignature(d, dr, from)
		return
	}
	// Collect the upper-case block lines and the name.
	type seg struct{ i, j int } // doc text ranges
	var block []seg
	nameSet := false
	for k := start; k < len(lines) && k < start+25; k++ {
		l := lines[k]
		if l.blank() {
			continue
		}
		s := l.s
		i := 0
		if k == start {
			m := reFormula.FindStringIndex(s)
			i = m[0]
		}
		if isDashLine(s) || reNoiNhan.MatchString(s) || isSignedMark(s) {
			continue
		}
		// an unsigned copy: the annex title is not part of the block
		if k > start {
			if name, _, n := typeNameAt(s); name != "" && n == len(strings.TrimRight(s, " :")) || strings.HasPrefix(s, "PHỤ LỤC") {
				break
			}
		}
		part := s[i:]
		if k > start && len(block) >= 2 && upperName(stripSigned(part)) {
			nm := stripSigned(part)
			ni := l.i + i + strings.Index(part, nm)
			dr.Signature.Name = Field{Text: titleCase(nm), Span: d.t.span(ni, ni+len(nm))}
			nameSet = true
			break
		}
		// upper-case run, then possibly a name on the same line
		cut := upperRunEnd(part)
		if cut > 0 {
			block = append(block, seg{l.i + i, l.i + i + cut})
		}
		tail := strings.TrimSpace(part[cut:])
		if tail != "" {
			if looksLikeName(stripSigned(tail)) {
				ti := l.i + i + cut + strings.Index(part[cut:], tail)
				nm := stripSigned(tail)
				dr.Signature.Name = Field{Text: nm, Span: d.t.span(ti, ti+len(nm))}
				nameSet = true
				break
			}
			if cut == 0 {
				if len(block) > 0 {
					break
				}
				continue
			}
		}
	}
	if !nameSet {
		dr.warn("no_signer_name", "signature block found but no signer name", Span{})
	}
	// Split the block into formula segments.
	var text strings.Builder
	type lpos struct{ ti, di int }
	var pos []lpos
	for x, b := range block {
		if x > 0 {
			text.WriteByte('\n')
		}
		pos = append(pos, lpos{text.Len(), b.i})
		text.WriteString(d.t.s[b.i:b.j])
	}
	bt := text.String()
	docOff := func(p int) int {
		o := 0
		for x := range pos {
			if pos[x].ti <= p {
				o = pos[x].di + p - pos[x].ti
			}
		}
		return o
	}
	fm := reFormula.FindAllStringSubmatchIndex(bt, -1)
	sig := &dr.Signature
	for x, m := range fm {
		e := len(bt)
		if x+1 < len(fm) {
			e = fm[x+1][0]
		}
		f := strings.ReplaceAll(bt[m[2]:m[3]], " ", "")
		body := bt[m[3]:e]
		last := x+1 == len(fm)
		if last {
			bodyPart, post := splitPost(body, f)
			if post != "" {
				pi := strings.LastIndex(body, post)
				sig.Position = Field{Text: prettyName(collapse(post)), Span: d.t.span(docOff(m[3]+pi), docOff(m[3]+pi+len(post)-1)+1)}
			}
			body = bodyPart
		}
		bodyName := prettyName(collapse(strings.Trim(body, " \n,")))
		sig.Formulas = append(sig.Formulas, Formula{Formula: f, Body: bodyName, Span: d.t.span(docOff(m[2]), docOff(max(m[2], e-1))+1)})
	}
	if n := len(sig.Formulas); n > 0 {
		lastF := sig.Formulas[n-1]
		sig.Authority = lastF.Formula
		sig.OnBehalfOf = lastF.Body
		if sig.OnBehalfOf == "" && n > 1 {
			sig.OnBehalfOf = sig.Formulas[n-2].Body
		}
	}
}

// upperRunEnd returns the length of the leading upper-case part of s (the
// formula/post text) before a mixed-case name.
func upperRunEnd(s string) int {
	ws := strings.Fields(s)
	p := 0
	end := 0
	for _, w := range ws {
		q := strings.Index(s[p:], w) + p
		if !isUpperLine(w) && !isFormulaWord(w) && strings.ContainsFunc(w, unicode.IsLetter) {
			return end
		}
		p = q + len(w)
		end = p
	}
	return end
}

func isFormulaWord(w string) bool {
	switch strings.TrimRight(w, ",") {
	case "T/M", "K/T", "T/L", "T/UQ", "TM.", "KT.", "TL.", "TUQ.", "Q.", "/", ".":
		return true
	}
	return false
}

func stripSigned(s string) string {
	s = strings.TrimSpace(s)
	for _, m := range []string{"(Đã ký)", "(đã ký)", "Đã ký", "đã ký", "(Đã ký và đóng dấu)", "[daky]"} {
		s = strings.TrimSpace(strings.ReplaceAll(s, m, ""))
	}
	return s
}

// splitPost splits the text after the last formula into the body acted for
// and the signer's post: by line when the block has several lines (the post
// is the last line that starts with a post word), else by the dictionary
// of posts ("BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM").
func splitPost(body, formula string) (string, string) {
	lines := strings.Split(strings.Trim(body, " \n"), "\n")
	var ls []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return "", ""
	}
	if len(ls) >= 2 {
		for x := len(ls) - 1; x >= 1; x-- {
			if posts.match(tokenize(strings.ToLower(ls[x])), 0) > 0 {
				return strings.Join(ls[:x], " "), strings.Join(ls[x:], " ")
			}
		}
		return strings.Join(ls[:len(ls)-1], " "), ls[len(ls)-1]
	}
	one := ls[0]
	if formula == "Q." {
		return "", one
	}
	toks := tokenize(strings.ToLower(one))
	// a collective alone ("T/M BAN BÍ THƯ" then the name): no post
	if o, ok := parseOrg(toks, 0); ok && o.b == len(toks) && strongHeads.match(toks, 0) == len(toks) {
		return one, ""
	}
	for p := 1; p < len(toks); p++ {
		if toks[p].punct {
			continue
		}
		if n := postPhrase(toks, p); n > 0 && p+n == len(toks) {
			return strings.TrimSpace(one[:toks[p].i]), one[toks[p].i:]
		}
	}
	return one, ""
}

// postPhrase matches "PHÓ"? + post at toks[k:], returning its length.
func postPhrase(toks []token, k int) int {
	n := 0
	if k < len(toks) && (toks[k].low == "phó" || toks[k].low == "quyền") {
		n = 1
	}
	m := posts.match(toks, k+n)
	if m == 0 || toks[k+n].low == "phó" {
		return 0
	}
	e := k + n + m
	// a post may name its body: "GIÁM ĐỐC SỞ Y TẾ" is taken whole
	return e - k
}

// parseDirectSignature handles a head signing without a formula.
func parseDirectSignature(d *doc, dr *Draft, from int) {
	lines := d.lines
	for k := len(lines) - 1; k >= max(from, 0) && k >= len(lines)-40; k-- {
		s := strings.TrimSpace(lines[k].s)
		if !looksLikeName(stripSigned(s)) {
			continue
		}
		// the post lines above the name
		var ps []int
		for x := k - 1; x >= max(from, 0) && x >= k-6; x-- {
			t := lines[x].s
			if t == "" || isSignedMark(t) {
				continue
			}
			if isUpperLine(t) && posts.match(tokenize(strings.ToLower(t)), 0) > 0 {
				ps = append([]int{x}, ps...)
				continue
			}
			break
		}
		if len(ps) == 0 {
			continue
		}
		nm := stripSigned(s)
		ni := lines[k].i + strings.Index(lines[k].s, nm)
		dr.Signature.Name = Field{Text: nm, Span: d.t.span(ni, ni+len(nm))}
		f := d.field(lines[ps[0]], 0, len(lines[ps[0]].s))
		f.Text = prettyName(f.Text)
		dr.Signature.Position = f
		for _, x := range ps[1:] {
			g := d.field(lines[x], 0, len(lines[x].s))
			g.Text = prettyName(g.Text)
			dr.Signature.OtherPosts = append(dr.Signature.OtherPosts, g)
		}
		return
	}
	dr.warn("no_signature", "no signature block found", Span{})
}
