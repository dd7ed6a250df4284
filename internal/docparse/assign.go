package docparse

import (
	"strings"
)

// Who does what (corpus/README.md, DOMAIN.md §2.2). Within each clause of a
// task: the bodies the clause opens with, or that follow "Giao" / "Đề
// nghị" / "Yêu cầu", lead; those after "chủ trì, phối hợp (với)" or
// "phối hợp (chặt chẽ) với" coordinate; "phối hợp giữa A và B" names
// partners with no stated role (any); the bodies results are reported,
// sent or submitted to ("báo cáo (kết quả …) về", "gửi về", "trình")
// are report_to. Bodies a subject is told to direct ("chỉ đạo các đơn vị")
// are objects, not subjects, and are not taken; catch-all partners ("các
// cơ quan liên quan") are dropped. Lead-in sentences before the items are
// never read.

var requestVerbs = newDict("giao", "giao cho", "đề nghị", "yêu cầu", "phân công", "kính đề nghị", "trân trọng đề nghị")

var adverbialCues = newDict(
	"căn cứ", "trên cơ sở", "theo", "trong quá trình", "quá trình", "sau khi", "khi", "để", "hằng năm",
	"hàng năm", "định kỳ", "đồng thời", "ngoài ra", "trong đó", "bên cạnh đó", "trước ngày", "trong thời gian",
	"từ nay", "tùy theo", "căn cứ vào", "trường hợp", "nếu",
)

// fieldLabels are the labels of national plans' task tables: "Cơ quan
// chủ trì: …", "Cơ quan phối hợp: …". Every entry of such a list is kept.
var leadLabels = newDict("cơ quan chủ trì", "đơn vị chủ trì", "chủ trì", "cơ quan chủ trì thực hiện",
	"đơn vị chủ trì thực hiện", "cơ quan thực hiện", "đơn vị thực hiện", "chủ trì thực hiện",
	"cơ quan, đơn vị chủ trì", "đơn vị thực hiện chính", "cơ quan chịu trách nhiệm", "trách nhiệm thực hiện")
var coordLabels = newDict("cơ quan phối hợp", "đơn vị phối hợp", "phối hợp", "cơ quan, đơn vị phối hợp",
	"cơ quan phối hợp thực hiện", "đơn vị phối hợp thực hiện", "phối hợp thực hiện")

var reportVerbs = newDict("báo cáo", "gửi", "trình", "gửi báo cáo")

// reportFiller are the words that may stand between "báo cáo" and the
// body reported to ("báo cáo kết quả thực hiện về …").
var reportFiller = map[string]bool{
	"kết": true, "quả": true, "thực": true, "hiện": true, "tình": true, "hình": true, "triển": true,
	"khai": true, "bằng": true, "văn": true, "bản": true, "định": true, "kỳ": true, "tổng": true,
	"hợp": true, "kịp": true, "thời": true, "cụ": true, "thể": true, "việc": true, "này": true,
	"đầy": true, "đủ": true, "nhanh": true, "chóng": true, "ngay": true, "báo": true, "cáo": true,
	"sơ": true, "đánh": true, "giá": true, "trực": true, "tiếp": true, "xin": true, "ý": true,
	"kiến": true, "đề": true, "xuất": true, "nghị": true,
}

var reportPreps = map[string]bool{"về": true, "cho": true, "lên": true, "tới": true, "đến": true, "với": true}

// assignSet keeps one entry per body per task.
type assignSet struct {
	list []Assignment
}

// add records an assignment unless the body is already there; a name that
// is another plus a level qualifier ("Hội Chữ thập đỏ" / "… các cấp") is
// the same body, and the more specific name is kept.
func (as *assignSet) add(d *doc, dr *Draft, name string, role Role, verb Field, sp Span) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	key := nameKey(name)
	for x := range as.list {
		ok := nameKey(as.list[x].Name)
		if ok == key || sameBody(ok, key) {
			a := &as.list[x]
			if len(key) > len(ok) {
				a.Name = name
				a.Canonical = canonical(dr, name)
			}
			if a.Role == RoleAny && role != RoleAny {
				a.Role = role
			}
			return
		}
	}
	as.list = append(as.list, Assignment{Name: name, Canonical: canonical(dr, name), Role: role, Verb: verb, Span: sp})
}

var keyPunct = strings.NewReplacer(",", " ", ".", " ", ";", " ", "(", " ", ")", " ")

func nameKey(s string) string {
	return collapse(keyPunct.Replace(lowerWord(s)))
}

// sameBody: b is a plus a level/locality qualifier, or the reverse.
func sameBody(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if !strings.HasPrefix(b, a+" ") {
		return false
	}
	rest := tokenize(b[len(a)+1:])
	return len(rest) > 0 && qualifiers.match(rest, 0) > 0
}

var acronymExp = strings.NewReplacer("ubnd", "ủy ban nhân dân", "hđnd", "hội đồng nhân dân", "mttq", "mặt trận tổ quốc", "tp.", "thành phố", "tp ", "thành phố ")

// canonical names the issuer itself when the text refers to it by a short
// form ("UBND tỉnh" in a plan of the Ủy ban nhân dân tỉnh Nghệ An), so the
// importer links the assignment to the right organisation.
func canonical(dr *Draft, name string) string {
	iss := dr.Header.Issuer.Text
	if iss == "" {
		return name
	}
	n := acronymExp.Replace(nameKey(name))
	i := acronymExp.Replace(nameKey(iss))
	if len(strings.Fields(n)) >= 2 && (n == i || strings.HasPrefix(i, n+" ")) {
		return iss
	}
	return name
}

// analyze reads the clauses of doc text [i, j).
func analyze(d *doc, dr *Draft, i, j int, as *assignSet) {
	analyzeFrom(d, dr, i, j, as, false)
}

func analyzeFrom(d *doc, dr *Draft, i, j int, as *assignSet, requestOnly bool) {
	if j <= i {
		return
	}
	s := d.t.s[i:j]
	start := 0
	var pending []pend
	for k := 0; k <= len(s); k++ {
		end := k == len(s)
		if !end {
			c := s[k]
			if c == ';' || c == '\n' && k+1 < len(s) && (s[k+1] == '-' || s[k+1] == '+') {
				end = true
			} else if c == '(' && k+5 < len(s) && (strings.HasPrefix(s[k+1:], "Giao ") || strings.HasPrefix(s[k+1:], "giao ")) {
				end = true // "(Giao Công an tỉnh chủ trì …)"
			} else if c == ':' && k+2 < len(s) && containsAny(s[k+1:min(len(s), k+14)], " Giao ", " Đề nghị ", " Yêu cầu ", " giao ") {
				end = true // "Tổ chức thực hiện: Giao Sở Nội vụ …"
			} else if c == '.' && (k+1 == len(s) || s[k+1] == ' ' || s[k+1] == '\n') && !(k > 0 && s[k-1] >= '0' && s[k-1] <= '9') {
				end = true
			}
		}
		if !end {
			continue
		}
		if k > start {
			clause(d, dr, i+start, s[start:k], as, requestOnly, &pending)
		}
		start = k + 1
	}
}

// clause finds the assignments of one clause; off is its doc offset.
// pend is a name from a clause made only of names ("Các Ban xây dựng
// Đảng, Văn phòng Quận ủy;"), waiting for the clause that gives the verb.
type pend struct {
	name string
	sp   Span
}

func clause(d *doc, dr *Draft, off int, c string, as *assignSet, requestOnly bool, pending *[]pend) {
	toks := d.tokens(c)
	held := *pending
	*pending = nil
	if len(toks) == 0 {
		return
	}
	if len(toks) > 400 {
		toks = toks[:400]
	}
	sp := func(a, b int) Span { return d.t.span(off+toks[a].i, off+toks[b-1].j) }
	vf := func(a, b int) Field { return Field{Text: joinToks(toks, a, b), Span: sp(a, b)} }
	addList := func(os []org, role Role, verb Field) {
		names := orgNames(toks, os)
		for x, o := range os {
			if role == RoleLead && isRelatedOnly(toks, o) || role != RoleLead && isCatchAll(toks, o) {
				continue
			}
			as.add(d, dr, names[x], role, verb, sp(o.titleA, o.b))
		}
	}
	k := 0
	for k < len(toks) && (toks[k].punct || toks[k].low == "và" || toks[k].low == "đồng" && k+1 < len(toks) && toks[k+1].low == "thời") {
		if toks[k].low == "đồng" {
			k++
		}
		k++
	}
	// leading adverbial up to a comma: "Căn cứ kế hoạch này, …"
	if n := adverbialCues.match(toks, k); n > 0 {
		for x := k + n; x < len(toks) && x < k+30; x++ {
			if reportVerbs.match(toks, x) > 0 || toks[x].low == "phối" || toks[x].low == "chủ" && x+1 < len(toks) && toks[x+1].low == "trì" {
				break // the comma belongs to the predicate, not to an adverbial
			}
			if toks[x].s == "," {
				if os, _ := orgList(toks, x+1); len(os) > 0 {
					k = x + 1
				}
				break
			}
		}
	}
	// a speaker before the request verb: "Phó Thủ tướng X yêu cầu Bộ Y …"
	if requestOnly {
		for x := k; x < len(toks) && x < k+12; x++ {
			if n := requestVerbs.match(toks, x); n > 0 {
				k = x
				break
			}
		}
	}
	// "Cơ quan chủ trì: X" / "Cơ quan phối hợp: Y, Z"
	for _, fl := range []struct {
		d    dict
		role Role
	}{{leadLabels, RoleLead}, {coordLabels, RoleCoordinate}} {
		if n := fl.d.match(toks, k); n > 0 && k+n < len(toks) && toks[k+n].s == ":" {
			os, _ := orgList(toks, k+n+1)
			names := orgNames(toks, os)
			for x, o := range os {
				as.add(d, dr, names[x], fl.role, vf(k, k+n), sp(o.titleA, o.b))
			}
			return
		}
	}
	subject := false
	if n := requestVerbs.match(toks, k); n > 0 {
		os, e := orgList(toks, k+n)
		if len(os) > 0 {
			addList(os, RoleLead, vf(k, k+n))
			subject = true
			k = e
		}
	} else if !requestOnly {
		os, e := orgList(toks, k)
		if len(os) > 0 && e >= len(toks) {
			// only names: a subject list that goes on after ";"
			names := orgNames(toks, os)
			for x, o := range os {
				if !isRelatedOnly(toks, o) {
					held = append(held, pend{names[x], sp(o.titleA, o.b)})
				}
			}
			*pending = held
			return
		}
		if len(os) > 0 && subjectFollows(toks, e) {
			verb := Field{}
			if e < len(toks) && !toks[e].punct {
				ve := e + 1
				if verbStarts.match(toks, e) == 2 {
					ve = e + 2
				}
				verb = vf(e, min(ve, len(toks)))
			}
			for _, p := range held {
				as.add(d, dr, p.name, RoleLead, verb, p.sp)
			}
			addList(os, RoleLead, verb)
			subject = true
			k = e
		}
	}
	if requestOnly && !subject {
		return
	}
	// role cues in the rest of the clause
	for x := k; x < len(toks); x++ {
		t := toks[x]
		switch {
		case t.low == "phối" && x+1 < len(toks) && toks[x+1].low == "hợp":
			y := x + 2
			role := RoleCoordinate
			for y < len(toks) && (toks[y].low == "chặt" || toks[y].low == "chẽ" || toks[y].low == "với" || toks[y].low == "cùng" || toks[y].low == "thường" || toks[y].low == "xuyên" || toks[y].s == ",") {
				y++
			}
			if y < len(toks) && toks[y].low == "giữa" {
				role = RoleAny
				y++
			}
			os, e := orgList(toks, y)
			addList(os, role, vf(x, x+2))
			if role == RoleAny && e < len(toks) && toks[e].low == "với" {
				os2, e2 := orgList(toks, e+1)
				addList(os2, RoleAny, vf(x, x+2))
				e = e2
			}
			if len(os) > 0 {
				x = e - 1
			}
		case reportVerbs.match(toks, x) > 0 && !reportBlocked(toks, x):
			n := reportVerbs.match(toks, x)
			y := x + n
			for f := 0; y < len(toks) && f < 8; f++ {
				if toks[y].punct {
					break
				}
				if reportPreps[toks[y].low] {
					y++
					break
				}
				if _, ok := parseOrg(toks, y); ok || !reportFiller[toks[y].low] {
					break
				}
				y++
			}
			if os, e := orgList(toks, y); len(os) > 0 {
				addList(os, RoleReportTo, vf(x, x+n))
				x = e - 1
			}
		}
	}
}

// subjectFollows reports whether the token after a name list makes the list
// the subject of the clause: a verb, or nothing (a heading-like clause).
func subjectFollows(toks []token, e int) bool {
	if e >= len(toks) {
		return true
	}
	t := toks[e]
	if t.punct {
		return t.s == ":"
	}
	if verbStarts.match(toks, e) >= 2 {
		return true
	}
	switch t.low {
	case "của", "là", "được", "về", "do", "cho", "trong", "tại", "với", "và", "thì", "nhằm", "đối", "trên", "ở", "bị":
		return false
	}
	return true
}

// reportBlocked: "báo cáo" used as a noun or "trình" inside "quy trình".
func reportBlocked(toks []token, x int) bool {
	if x > 0 {
		switch toks[x-1].low {
		case "quy", "chương", "lộ", "tờ", "công", "tiến", "giáo", "đệ", "hành", "các", "những", "bản", "quá", "hải", "dâng":
			return true
		}
	}
	return false
}
