package docparse

import (
	"regexp"
	"strings"
)

// Task tables: national and provincial plans often list their duties in a
// table (usually an annex, "Phụ lục … kèm theo Kế hoạch"), one row per duty:
//
//	| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
//
// The header row names the columns; a row whose first cell is a number is
// a task, and a row numbered I, II or A, B groups the rows under it. Every
// entry of a chủ trì / phối hợp column is kept.
var (
	reColOrdinal = regexp.MustCompile(`(?i)^(?:stt|tt|số\s*tt|số\s*thứ\s*tự)$`)
	reColText    = regexp.MustCompile(`(?i)nội dung|nhiệm vụ|công việc|hoạt động|giải pháp`)
	reColLead    = regexp.MustCompile(`(?i)chủ trì|thực hiện|đơn vị thực hiện|cơ quan thực hiện`)
	reColCoord   = regexp.MustCompile(`(?i)phối hợp`)
	reColTime    = regexp.MustCompile(`(?i)thời gian|thời hạn|tiến độ|hoàn thành`)
	reRowOrdinal = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?$`)
	reRowGroup   = regexp.MustCompile(`^([IVX]{1,5}|[A-ZĐ])\.?$`)
)

type colKind int

const (
	colOther colKind = iota
	colOrdinal
	colText
	colLead
	colCoord
	colMixed
	colTime
)

// tableRow is one row of a table: its cells by column.
type tableRow struct {
	tbl, row int
	cells    map[int][]line
}

func (r tableRow) text(d *doc, col int) (string, int, int) {
	ls := r.cells[col]
	if len(ls) == 0 {
		return "", 0, 0
	}
	return d.t.s[ls[0].i:ls[len(ls)-1].j], ls[0].i, ls[len(ls)-1].j
}

// parseTaskTables reads the task tables among lines [a, b) and returns the
// set of line indexes they cover.
func parseTaskTables(d *doc, dr *Draft, a, b int) ([]Task, map[int]bool) {
	var tasks []Task
	var rows []tableRow
	idx := map[[2]int]int{}
	lineRows := map[[2]int][]int{}
	for k := a; k < b; k++ {
		l := d.lines[k]
		if l.tbl == 0 {
			continue
		}
		key := [2]int{l.tbl, l.row}
		x, ok := idx[key]
		if !ok {
			x = len(rows)
			idx[key] = x
			rows = append(rows, tableRow{tbl: l.tbl, row: l.row, cells: map[int][]line{}})
		}
		rows[x].cells[l.col] = append(rows[x].cells[l.col], l)
		lineRows[key] = append(lineRows[key], k)
	}
	covered := map[int]bool{}
	var cols map[int]colKind
	curTbl := -1
	group := ""
	for _, r := range rows {
		if r.tbl != curTbl {
			curTbl, cols, group = r.tbl, nil, ""
		}
		if cols == nil {
			cols = headerColumns(d, r)
			if cols != nil {
				for _, k := range lineRows[[2]int{r.tbl, r.row}] {
					covered[k] = true
				}
			}
			continue
		}
		ordCol := -1
		for c, kind := range cols {
			if kind == colOrdinal {
				ordCol = c
			}
		}
		if ordCol < 0 {
			ordCol = 0
		}
		ord, _, _ := r.text(d, ordCol)
		ord = strings.TrimSpace(ord)
		if m := reRowGroup.FindStringSubmatch(ord); m != nil {
			group = m[1]
			for _, k := range lineRows[[2]int{r.tbl, r.row}] {
				covered[k] = true
			}
			continue
		}
		m := reRowOrdinal.FindStringSubmatch(ord)
		if m == nil {
			continue
		}
		for _, k := range lineRows[[2]int{r.tbl, r.row}] {
			covered[k] = true
		}
		if len(tasks) >= maxTasks {
			break
		}
		ordinal := m[1]
		if group != "" {
			ordinal = group + "." + ordinal
		}
		task := Task{Ordinal: ordinal, Assignments: []Assignment{}, Kind: TaskOneOff, Deadline: Deadline{Kind: DeadlineNone}}
		var as assignSet
		for _, c := range sortedCols(cols) {
			kind := cols[c]
			s, i, j := r.text(d, c)
			if s == "" {
				continue
			}
			switch kind {
			case colText:
				task.Text = d.fieldAt(i, j)
			case colLead, colCoord, colMixed:
				cellOrgs(d, dr, &as, s, i, kind)
			case colTime:
				df, tk := findDeadline(s, dr.Header.IssueDate)
				task.Kind = tk
				task.Deadline = makeDeadline(d, i, df)
			}
		}
		if task.Text.Text == "" {
			_, i, _ := r.text(d, ordCol)
			task.Text = d.fieldAt(i, d.lines[lineRows[[2]int{r.tbl, r.row}][len(lineRows[[2]int{r.tbl, r.row}])-1]].j)
		}
		task.Assignments = as.list
		tasks = append(tasks, task)
	}
	return tasks, covered
}

func sortedCols(cols map[int]colKind) []int {
	var cs []int
	for c := range cols {
		cs = append(cs, c)
	}
	for a := 1; a < len(cs); a++ {
		for b := a; b > 0 && cs[b] < cs[b-1]; b-- {
			cs[b], cs[b-1] = cs[b-1], cs[b]
		}
	}
	return cs
}

// headerColumns reads a header row; it returns nil unless the row names a
// duty column and a responsibility or time column.
func headerColumns(d *doc, r tableRow) map[int]colKind {
	cols := map[int]colKind{}
	text, resp := false, false
	for c := range r.cells {
		s, _, _ := r.text(d, c)
		s = strings.TrimSpace(s)
		if runeLen(s) > 60 {
			continue
		}
		switch {
		case reColOrdinal.MatchString(s):
			cols[c] = colOrdinal
		case reColLead.MatchString(s) && reColCoord.MatchString(s):
			cols[c] = colMixed
			resp = true
		case reColCoord.MatchString(s):
			cols[c] = colCoord
			resp = true
		case reColTime.MatchString(s) && !reColText.MatchString(s):
			cols[c] = colTime
			resp = true
		case reColLead.MatchString(s) && !reColText.MatchString(s):
			cols[c] = colLead
			resp = true
		case reColText.MatchString(s):
			cols[c] = colText
			text = true
		}
	}
	if !text || !resp {
		return nil
	}
	return cols
}

// cellOrgs adds the bodies of a chủ trì / phối hợp cell. In a mixed column
// ("Cơ quan chủ trì, phối hợp") the first body leads and the others
// coordinate.
func cellOrgs(d *doc, dr *Draft, as *assignSet, s string, off int, kind colKind) {
	toks := tokenize(s)
	var found bool
	for k := 0; k < len(toks); {
		os, e := orgList(toks, k)
		if len(os) == 0 {
			k++
			continue
		}
		found = true
		names := orgNames(toks, os)
		for x, o := range os {
			role := RoleLead
			switch {
			case kind == colCoord:
				role = RoleCoordinate
			case kind == colMixed && len(as.list) > 0:
				role = RoleCoordinate
			}
			as.add(d, dr, names[x], role, Field{}, d.t.span(off+toks[o.titleA].i, off+toks[o.b-1].j))
		}
		k = max(e, k+1)
	}
	if !found {
		// not a name the grammar knows: keep each printed entry
		for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
			if p = trimPunct(p); p != "" {
				role := RoleLead
				if kind == colCoord || kind == colMixed && len(as.list) > 0 {
					role = RoleCoordinate
				}
				as.add(d, dr, p, role, Field{}, Span{})
			}
		}
	}
}
