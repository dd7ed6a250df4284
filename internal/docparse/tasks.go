package docparse

import (
	"regexp"
	"strings"
	"time"
)

// Body structure (corpus/README.md "What counts as a task"): Roman sections
// (I., II.), letter sections (A., B.), numbered items (1., 2.), numbered
// sub-items (1.1.), articles (Điều 1.), and lower markers — a), (1), -, +
// — that are never tasks. A numbered item inside a section is the task
// "SECTION.ITEM"; a section with no numbered items is one task; sections
// on purpose and requirements, assessments and funding are not tasks; the
// articles of a decision that promulgates an annexed plan are not tasks.
var (
	reRoman       = regexp.MustCompile(`^(?:PHẦN\s+|Phần\s+)?([IVX]{1,5})\s*[.)/-]\s*`)
	reLetter      = regexp.MustCompile(`^([A-ZĐ])\s*[.)]\s+`)
	reNumber      = regexp.MustCompile(`^(\d{1,2})\s*\.\s*`)
	reParenNumber = regexp.MustCompile(`^(\d{1,2})\)\s*`)
	reSubNum      = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.?\s+`)
	reArticle     = regexp.MustCompile(`^Điều\s+(\d{1,3})\s*[.:]\s*`)
	reLower       = regexp.MustCompile(`^(?:[a-zđ][).]|\([a-zđ0-9]{1,3}\)|\d{1,2}\)|[-+•*]|\d{1,2}\.\d{1,2}\.\d{1,2}\.?)\s*`)
	reSkipHead    = regexp.MustCompile(`(?i)^(?:mục đích|yêu cầu|mục tiêu|quan điểm|đánh giá|kết quả|tình hình|thực trạng|sự cần thiết|căn cứ|kinh phí|nguồn kinh phí|phạm vi|đối tượng|giải thích|nguyên tắc)`)
	reClosing     = regexp.MustCompile(`(?i)^(?:trên đây|nhận được|(?:trong )?quá trình (?:tổ chức )?(?:triển khai )?thực hiện|yêu cầu các|kế hoạch này|công văn này|chỉ thị này|quyết định này|[^.]{0,80}?(?:xin thông báo|thông báo để))`)
	reAnnex       = regexp.MustCompile(`(?i)ban hành kèm theo`)
	// "Yêu cầu Giám đốc các sở … nghiêm túc thực hiện Chỉ thị này./."
	reClosingDemand = regexp.MustCompile(`^(?:(?:Yêu cầu|Đề nghị)\s|[^.;:]{0,80}?\s(?:yêu cầu|đề nghị)\s)[^.]{0,300}?(?:Chỉ thị|Kế hoạch|Công văn|Quyết định|Thông báo|Hướng dẫn|Chương trình|Kết luận|Nghị quyết)\s+này`)
	reField         = regexp.MustCompile(`(?i)^(?:nội dung(?: thực hiện| công việc)?|cơ quan(?:, đơn vị)? (?:chủ trì|phối hợp|thực hiện)|đơn vị (?:chủ trì|phối hợp|thực hiện)|thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|sản phẩm|tiến độ|kết quả đầu ra)\s*:`)
	reEffect        = regexp.MustCompile(`(?i)có hiệu lực`)
)

var romanVal = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}

const maxTasks = 2000

type markKind int

const (
	mkNone markKind = iota
	mkRoman
	mkLetter
	mkNumber
	mkSubNum
	mkArticle
	mkLower
)

// para is a paragraph of the body: [i, j) in doc text; ti is where the text
// after its marker starts.
type para struct {
	i, j, ti int
	kind     markKind
	label    string
}

// buildParas groups body lines [a, b) into paragraphs: a paragraph starts
// at a blank line, at a marker, or after a line ending a sentence when the
// next starts with a capital.
func buildParas(d *doc, a, b int, skip map[int]bool) []para {
	// Items numbered "1)", "2)" are the top level when no "1." is used.
	parenItems, dotItems := false, false
	for k := a; k < b; k++ {
		s := d.lines[k].s
		if reNumber.MatchString(s) {
			dotItems = true
			break
		}
		if reParenNumber.MatchString(s) {
			parenItems = true
		}
	}
	parenItems = parenItems && !dotItems
	var ps []para
	cur := -1
	for k := a; k < b; k++ {
		l := d.lines[k]
		if l.blank() || skip[k] {
			cur = -1
			continue
		}
		kind, label, n := marker(l.s)
		if kind == mkLower && parenItems {
			if m := reParenNumber.FindStringSubmatchIndex(l.s); m != nil {
				kind, label, n = mkNumber, l.s[m[2]:m[3]], m[1]
			}
		}
		newPara := cur < 0 || kind != mkNone
		if !newPara && cur >= 0 {
			prev := d.lines[k-1].s
			if strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ";") || strings.HasSuffix(prev, "!") {
				if startsUpper(l.s) {
					newPara = true
				}
			}
			if isUpperLine(l.s) != isUpperLine(prev) && runeLen(prev) < 80 {
				newPara = true
			}
			// a short heading line ("Đánh giá chung") before a sentence
			if runeLen(prev) < 60 && startsUpper(l.s) && !strings.HasSuffix(prev, ",") {
				newPara = true
			}
		}
		if newPara {
			ps = append(ps, para{i: l.i, j: l.j, ti: l.i + n, kind: kind, label: label})
			cur = len(ps) - 1
			continue
		}
		ps[cur].j = l.j
	}
	return ps
}

func marker(s string) (markKind, string, int) {
	if m := reArticle.FindStringSubmatchIndex(s); m != nil {
		return mkArticle, s[m[2]:m[3]], m[1]
	}
	if m := reSubNum.FindStringSubmatchIndex(s); m != nil {
		return mkSubNum, s[m[2]:m[3]] + "." + s[m[4]:m[5]], m[1]
	}
	if m := reRoman.FindStringSubmatchIndex(s); m != nil && romanVal[s[m[2]:m[3]]] > 0 && m[1] < len(s) {
		return mkRoman, s[m[2]:m[3]], m[1]
	}
	if m := reNumber.FindStringSubmatchIndex(s); m != nil && m[1] < len(s) {
		return mkNumber, s[m[2]:m[3]], m[1]
	}
	if m := reLetter.FindStringSubmatchIndex(s); m != nil && upperRatio(s[m[1]:min(len(s), m[1]+40)]) > 0.7 {
		return mkLetter, s[m[2]:m[3]], m[1]
	}
	if m := reLower.FindStringIndex(s); m != nil {
		return mkLower, "", m[1]
	}
	return mkNone, "", 0
}

// taskBuilder accumulates one task's paragraphs.
type taskBuilder struct {
	ordinal  string
	head     para
	isHead   bool
	paras    []para
	section  bool // a section standing as one task
	parent   string
	children int
}

// parseTasks finds the tasks in body lines [a, b).
func parseTasks(d *doc, dr *Draft, a, b int, covered map[int]bool) (firstMarker int, promulgates bool) {
	ps := buildParas(d, a, b, covered)
	firstMarker = -1
	// Does the body use Roman/letter sections? Articles?
	hasArticles, annex := false, false
	for _, p := range ps {
		if p.kind == mkArticle {
			hasArticles = true
			if reAnnex.MatchString(d.t.s[p.ti:p.j]) {
				annex = true
			}
		}
	}
	var tasks []*taskBuilder
	var cur *taskBuilder
	roman, letter, article := "", "", ""
	skipSection := false
	var sectionTask *taskBuilder // a section waiting for items
	lastRoman, lastLetter := 0, 0
	var itemHead *taskBuilder // a numbered item that turned out to hold 1.1 items
	closed := false
	prefix := func() string {
		var p []string
		for _, x := range []string{letter, roman} {
			if x != "" {
				p = append(p, x)
			}
		}
		if article != "" {
			p = append(p, "Điều "+article)
		}
		return strings.Join(p, ".")
	}
	join := func(pre, lab string) string {
		if pre == "" {
			return lab
		}
		return pre + "." + lab
	}
	startSection := func(p para) {
		skipSection = reSkipHead.MatchString(headLine(d.t.s[p.ti:p.j]))
		sectionTask = &taskBuilder{ordinal: prefix(), head: p, isHead: true, section: true}
		if !skipSection {
			tasks = append(tasks, sectionTask)
		}
		cur = nil
		itemHead = nil
	}
	for _, p := range ps {
		if len(tasks) > maxTasks {
			dr.warn("too_many_tasks", "more than 2000 numbered items; the rest are ignored", d.t.span(p.i, p.j))
			break
		}
		switch p.kind {
		case mkRoman:
			v := romanVal[p.label]
			heading := d.t.s[p.ti:p.j]
			if v == 1 || v == lastRoman+1 || upperRatio(heading) > 0.7 {
				if firstMarker < 0 {
					firstMarker = p.i
				}
				lastRoman = v
				roman = p.label
				closed = false
				if hasArticles && !annex {
					article = ""
				}
				startSection(p)
				continue
			}
		case mkLetter:
			v := int(p.label[0]-'A') + 1
			if p.label == "A" || v == lastLetter+1 {
				if firstMarker < 0 {
					firstMarker = p.i
				}
				lastLetter = v
				letter, roman = p.label, ""
				lastRoman = 0
				closed = false
				startSection(p)
				continue
			}
		case mkArticle:
			if firstMarker < 0 {
				firstMarker = p.i
			}
			article = p.label
			closed = false
			txt := d.t.s[p.ti:p.j]
			if annex || reEffect.MatchString(txt) && !strings.Contains(txt, "chịu trách nhiệm") {
				skipSection = true
				cur, sectionTask = nil, nil
				continue
			}
			startSection(p)
			sectionTask.ordinal = "Điều " + p.label
			if roman != "" || letter != "" {
				sectionTask.ordinal = prefix()
			}
			continue
		case mkNumber:
			if firstMarker < 0 {
				firstMarker = p.i
			}
			closed = false
			if skipSection {
				cur = nil
				continue
			}
			txt := headLine(d.t.s[p.ti:p.j])
			if reField.MatchString(txt) && sectionTask != nil && !skipSection {
				// the section's numbered lines are fields of one duty
				sectionTask.paras = append(sectionTask.paras, p)
				cur = nil
				continue
			}
			if reSkipHead.MatchString(txt) && runeLen(txt) < 60 {
				cur = nil
				itemHead = nil
				continue
			}
			if sectionTask != nil {
				sectionTask.children++
			}
			cur = &taskBuilder{ordinal: join(prefix(), p.label), head: p, isHead: true}
			if sectionTask != nil {
				cur.parent = sectionTask.ordinal
			}
			tasks = append(tasks, cur)
			itemHead = cur
			continue
		case mkSubNum:
			if skipSection {
				continue
			}
			if itemHead != nil && strings.HasPrefix(p.label, lastLabel(itemHead.ordinal)+".") {
				itemHead.children++
				itemHead.section = true
				cur = &taskBuilder{ordinal: join(prefix(), p.label), head: p, isHead: true, parent: itemHead.ordinal}
				tasks = append(tasks, cur)
				continue
			}
		}
		// plain paragraph or lower marker: belongs to the current task
		if firstMarker < 0 {
			continue // preamble
		}
		if skipSection {
			continue
		}
		txt := d.t.s[p.ti:p.j]
		if p.kind == mkNone && (reClosing.MatchString(txt) || reClosingDemand.MatchString(txt) && len(txt) < 600) {
			closed = true
		}
		if closed {
			continue
		}
		switch {
		case cur != nil:
			cur.paras = append(cur.paras, p)
		case sectionTask != nil:
			sectionTask.paras = append(sectionTask.paras, p)
		}
	}
	// Emit: sections with items are not tasks; items holding sub-items
	// give way to them.
	for _, t := range tasks {
		if t.section && t.children > 0 {
			continue
		}
		if t.ordinal == "" {
			continue
		}
		dr.Tasks = append(dr.Tasks, buildTask(d, dr, t))
	}
	return firstMarker, annex
}

// annexStart finds, after line from, the type line of an annexed plan or
// programme ("KẾ HOẠCH / … (Ban hành kèm theo Quyết định số …)"): the
// tasks of a decision that promulgates it are the annex's items.
func annexStart(d *doc, from int) int {
	for k := from; k < len(d.lines); k++ {
		s := d.lines[k].s
		if !isUpperLine(s) {
			continue
		}
		if name, _, n := typeNameAt(s); name != "" && n == len(strings.TrimRight(s, " :")) {
			switch name {
			case "QUYẾT ĐỊNH", "CÔNG VĂN", "CÔNG ĐIỆN", "TỜ TRÌNH", "BÁO CÁO", "BIÊN BẢN", "GIẤY MỜI":
				continue
			}
			return k
		}
	}
	return -1
}

// headLine returns the heading part of an item: its first line when that
// line stands alone (the next line starts a sentence), else the whole
// paragraph — so "Căn cứ kế hoạch này, Giám đốc …" wrapped over lines is
// not mistaken for a heading "Căn cứ …".
func headLine(s string) string {
	s = strings.TrimSpace(s)
	nl := strings.IndexByte(s, '\n')
	if nl < 0 {
		return s
	}
	first, rest := s[:nl], s[nl+1:]
	if strings.HasSuffix(first, ",") || !startsUpper(rest) {
		return s
	}
	return first
}

func lastLabel(ord string) string {
	if i := strings.LastIndex(ord, "."); i >= 0 {
		return ord[i+1:]
	}
	return ord
}

// buildTask makes the Task: text, heading, deadline and assignments.
func buildTask(d *doc, dr *Draft, t *taskBuilder) Task {
	task := Task{Ordinal: t.ordinal, Parent: t.parent, Assignments: []Assignment{}}
	hi, hj := t.head.ti, t.head.j
	end := hj
	if n := len(t.paras); n > 0 {
		end = t.paras[n-1].j
	}
	task.Text = d.fieldAt(t.head.i, end)
	for _, p := range t.paras {
		if p.kind == mkLower {
			task.SubItems = append(task.SubItems, d.fieldAt(p.ti, p.j))
		}
	}
	var as assignSet
	head := d.t.s[hi:hj]
	// A heading that names bodies ("1. Công an tỉnh", "5. Các sở, ban,
	// ngành … và UBND các xã, phường") makes them the lead of the section.
	rest := hi
	if toks := d.tokens(head); len(toks) > 0 {
		// "Đối với Công an tỉnh", "Trách nhiệm của các sở, ngành"
		k0 := headingPrefixes.match(toks, 0)
		os, e := orgList(toks, k0)
		if len(os) > 0 && (e == len(toks) || toks[e].s == ":" || toks[e].s == "." && e == len(toks)-1) {
			names := orgNames(toks, os)
			for x, o := range os {
				if isRelatedOnly(toks, o) {
					continue
				}
				as.add(d, dr, names[x], RoleLead, Field{}, d.t.span(hi+toks[o.titleA].i, hi+toks[o.b-1].j))
			}
			task.Heading = d.fieldAt(hi, hi+toks[max(e-1, 0)].j)
			rest = hj
			if e < len(toks) {
				rest = hi + toks[e].j
			}
		} else if upperRatio(head) > 0.7 || (len(t.paras) > 0 && runeLen(head) < 100 && !strings.ContainsAny(strings.TrimRight(head, ". "), ".;")) {
			task.Heading = d.fieldAt(hi, hj)
		}
	}
	analyze(d, dr, rest, hj, &as)
	for _, p := range t.paras {
		analyze(d, dr, p.ti, p.j, &as)
	}
	task.Assignments = as.list
	// deadline over the whole text
	full := d.t.s[t.head.ti:end]
	df, kind := findDeadline(full, dr.Header.IssueDate)
	task.Kind = kind
	task.Deadline = makeDeadline(d, t.head.ti, df)
	return task
}

func makeDeadline(d *doc, base int, df deadlineFound) Deadline {
	dl := Deadline{Kind: df.kind, Recurrence: df.rrule}
	if df.has {
		due := df.due
		dl.Due = &due
	}
	if df.i >= 0 && df.j > df.i {
		dl.Text = d.fieldAt(base+df.i, base+df.j)
	}
	if dl.Kind == "" {
		dl.Kind = DeadlineNone
	}
	return dl
}

// parseDuties finds obligations stated without numbered items ("… yêu cầu
// Bộ X khẩn trương hoàn thành … trước ngày 30 tháng 5 năm 2013").
func parseDuties(d *doc, dr *Draft, a, b int) {
	s := d.t.s
	last := a
	for p := a; p < b; {
		for p < b && (s[p] == ' ' || s[p] == '\n') {
			p++
		}
		if p >= b {
			break
		}
		i, j := sentenceAround(s, p)
		i = max(i, last)
		last = max(j, p+1)
		if j <= p {
			j = p + 1
		}
		sent := s[i:min(j, b)]
		if reDutyVerb.MatchString(sent) && !reAssignedPast.MatchString(sent) {
			var as assignSet
			analyzeFrom(d, dr, i, min(j, b), &as, true)
			if len(as.list) > 0 {
				df, kind := findDeadline(sent, dr.Header.IssueDate)
				dr.Duties = append(dr.Duties, Task{
					Text: d.fieldAt(i, min(j, b)), Kind: kind, Deadline: makeDeadline(d, i, df), Assignments: as.list,
				})
			}
		}
		p = max(j, p+1)
		if len(dr.Duties) > 50 {
			break
		}
	}
}

var reDutyVerb = regexp.MustCompile(`(?:[Yy]êu cầu|[Đđ]ề nghị|[Gg]iao)\s+(?:\p{Lu}|các\s|những\s)`)

// headingPrefixes introduce the body a heading is about.
var headingPrefixes = newDict("đối với", "trách nhiệm của", "nhiệm vụ của", "phân công cho", "giao cho", "giao")

// dueOf is the due date text of a task for the corpus form.
func dueOf(t Task) string {
	if t.Deadline.Due == nil {
		return ""
	}
	return t.Deadline.Due.Format(time.DateOnly)
}
