package docparse

import (
	"strings"
)

// line is one logical line of the cleaned document: a physical line, or one
// cell of a Markdown table row, with Markdown debris removed and white space
// collapsed. i and j are its bounds in doc.t.
type line struct {
	i, j int
	s    string
	// cell is set for table cells; they never join with their neighbours.
	cell bool
	// tbl, row, col place a Markdown table cell (tbl is 0 outside tables;
	// rows and columns count from 0 within a table).
	tbl, row, col int
}

func (l line) blank() bool { return l.s == "" }

// doc is the cleaned text and its lines.
type doc struct {
	t     text
	lines []line
	// tokBuf is a scratch buffer for clause tokens, reused clause after
	// clause (tokens are never kept).
	tokBuf []token
}

// tokens tokenizes s into the doc's scratch buffer; the result is valid
// until the next call.
func (d *doc) tokens(s string) []token {
	d.tokBuf = tokenizeInto(d.tokBuf[:0], s)
	return d.tokBuf
}

// buildDoc cleans the normalised text into logical lines and joins them
// with '\n' into one text, so that patterns may cross line breaks (a date
// line split as "ngày 26\ntháng 11 năm 2025") and still map to the input.
func buildDoc(n text) *doc {
	bl := newBuilder(len(n.s) + 64)
	d := &doc{lines: make([]line, 0, strings.Count(n.s, "\n")+16)}
	tbl, row, col := 0, -1, 0
	inTable := false
	emit := func(t text, cell bool) {
		if len(d.lines) > 0 {
			var e int32
			if len(bl.end) > 0 {
				e = bl.end[len(bl.end)-1]
			}
			bl.add("\n", e, e)
		}
		i := bl.len()
		cleanInto(bl, t)
		l := line{i: i, j: bl.len(), cell: cell}
		if cell && inTable {
			l.tbl, l.row, l.col = tbl, row, col
		}
		d.lines = append(d.lines, l)
	}
	s := n.s
	for p := 0; p <= len(s); {
		q := strings.IndexByte(s[p:], '\n')
		if q < 0 {
			q = len(s)
		} else {
			q += p
		}
		raw := n.slice(p, q)
		p = q + 1
		tr := strings.TrimSpace(raw.s)
		if strings.HasPrefix(tr, "|") && strings.Count(tr, "|") >= 2 || strings.HasPrefix(tr, "|") && len(tr) > 1 {
			// A Markdown table row: one logical line per cell.
			if !inTable {
				tbl++
				row = -1
				inTable = true
			}
			if isTableRule(tr) {
				emit(n.slice(q, q), false)
				continue
			}
			row++
			off := strings.Index(raw.s, "|")
			start := off + 1
			col = 0
			for k := start; k <= len(raw.s); k++ {
				if k == len(raw.s) || raw.s[k] == '|' {
					if strings.TrimSpace(raw.s[start:k]) != "" {
						emitCell(emit, raw.slice(start, k))
					}
					start = k + 1
					col++
				}
			}
			emit(n.slice(q, q), false)
			continue
		}
		if strings.Contains(tr, "|") && strings.Count(tr, "|") >= 2 && !strings.HasPrefix(tr, "|") {
			// A row written without its leading bar.
			start := 0
			for k := 0; k <= len(raw.s); k++ {
				if k == len(raw.s) || raw.s[k] == '|' {
					if strings.TrimSpace(raw.s[start:k]) != "" {
						emitCell(emit, raw.slice(start, k))
					}
					start = k + 1
				}
			}
			continue
		}
		inTable = false
		emitCell(func(t text, _ bool) { emit(t, false) }, raw)
		if q >= len(s) {
			break
		}
	}
	d.t = bl.text()
	for k := range d.lines {
		d.lines[k].s = d.t.s[d.lines[k].i:d.lines[k].j]
	}
	return d
}

// emitCell splits a cell or line at separator runs ("-------", "======")
// that conversions leave between header parts, emitting each part.
func emitCell(emit func(text, bool), t text) {
	s := t.s
	start := 0
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c != '-' && c != '=' && c != '_' {
			continue
		}
		e := k
		for e < len(s) && s[e] == c {
			e++
		}
		if e-k >= 3 {
			if strings.TrimSpace(s[start:k]) != "" {
				emit(t.slice(start, k), true)
			}
			start = e
		}
		k = e - 1
	}
	if start == 0 {
		emit(t, true)
		return
	}
	if strings.TrimSpace(s[start:]) != "" {
		emit(t.slice(start, len(s)), true)
	}
}

func isTableRule(s string) bool {
	for _, r := range s {
		if r != '|' && r != '-' && r != ':' && r != ' ' && r != '=' && r != '+' {
			return false
		}
	}
	return true
}

// cleanInto appends the cleaned form of one raw line: Markdown emphasis
// (asterisks), heading hashes, block-quote marks and backslash escapes are
// dropped, white space is collapsed, and lines made only of debris ("*",
// "* *", "---") become empty.
func cleanInto(bl *builder, t text) {
	s := t.s
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '#' || s[i] == '>') {
		i++
	}
	for j > i && s[j-1] == ' ' {
		j--
	}
	// Debris-only line?
	debris := true
	for k := i; k < j; k++ {
		switch s[k] {
		case '*', ' ', '-', '_', '=', '|', '#', '~', '`':
		default:
			debris = false
		}
		if !debris {
			break
		}
	}
	if debris {
		return
	}
	start := bl.len()
	space := false
	for k := i; k < j; k++ {
		c := s[k]
		switch {
		case c == '*' || c == '`':
			continue
		case c == '\\' && k+1 < j && strings.IndexByte("*_.-#()[]|+!`>", s[k+1]) >= 0:
			continue
		case c == '_' && (k == i || k+1 == j || s[k-1] == ' ' || s[k+1] == ' '):
			// emphasis underscores at word edges
			continue
		case c == ' ':
			space = true
			continue
		}
		if space && bl.len() > start {
			bl.add(" ", t.start[k], t.start[k])
		}
		space = false
		bl.b = append(bl.b, c)
		bl.start = append(bl.start, t.start[k])
		bl.end = append(bl.end, t.end[k])
	}
}

// splitMergedColumns undoes a common flattening of the bottom of a page,
// where the Nơi nhận column and the signature column were read across:
// "- Như trên; KT. CHỦ TỊCH" becomes "- Như trên;" and "KT. CHỦ TỊCH".
// Only a trailing upper-case run that starts with an authority formula or
// a post is split off, after a separator.
func splitMergedColumns(d *doc) {
	var out []line // allocated at the first split
	for x, l := range d.lines {
		s := l.s
		if !(isDashLine(s) || strings.HasPrefix(s, "Nơi nhận") || strings.HasPrefix(s, "NƠI NHẬN")) || isUpperLine(s) {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		cut := -1
		for p := 2; p < len(s); p++ {
			if s[p-1] != ' ' || !(s[p-2] == ';' || s[p-2] == ',' || s[p-2] == ':' || s[p-2] == '.' || s[p-2] == ')') {
				if !(p >= 2 && s[p-1] == ' ' && s[p-2] == ' ') {
					continue
				}
			}
			rest := s[p:]
			if !isUpperLine(rest) {
				continue
			}
			if reFormulaLine.MatchString(rest) || postPhrase(tokenize(strings.ToLower(rest)), 0) > 0 {
				cut = p
				break
			}
		}
		if cut < 0 {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]line, 0, len(d.lines)+8), d.lines[:x]...)
		}
		a, b := l, l
		a.j = l.i + cut
		a.s = strings.TrimRight(s[:cut], " ")
		a.j = l.i + len(a.s)
		b.i = l.i + cut
		b.s = s[cut:]
		out = append(out, a, b)
	}
	if out != nil {
		d.lines = out
	}
}
