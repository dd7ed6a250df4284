package docparse

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Deadline grammar of the genre (DOMAIN.md §2.3): an exact date after a cue
// ("trước ngày 30 tháng 5 năm 2013", "chậm nhất ngày 15/12/2025"), a yearly
// date ("trước ngày 25/12 hằng năm"), a month ("trong tháng 12/2025"), a
// quarter ("Quý IV/2025"), a half year ("6 tháng đầu năm 2025"), a year
// ("trong năm 2025", "đến năm 2030"), a period ("định kỳ 6 tháng",
// "hằng quý"), continuous work ("thường xuyên"), urgency ("khẩn trương",
// "báo cáo ngay") and conditions ("khi có yêu cầu"). A date without a cue
// is the date of a cited document, not a deadline.
var (
	reDueDate    = regexp.MustCompile(`(trước|chậm nhất(?: là)?|hạn chót(?: là)?|hạn cuối(?: là)?|hoàn thành(?: trong| trước| vào)?|xong trước|trong|vào|đến|thời hạn(?: là)?|thời gian(?: thực hiện| hoàn thành)?\s*(?::|là)?)\s*(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?,?\s*)?(?:ngày\s*)?(\d{1,2})(?:\s*tháng\s*(\d{1,2})(?:\s*năm\s*(\d{4}))?|\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?)(\s*,?\s*(?:hằng|hàng)\s*năm)?`)
	reDueMonth   = regexp.MustCompile(`(?:(trước)\s*)?tháng\s*(\d{1,2})\s*(?:/|-|năm)\s*(\d{4})`)
	reDueQuarter = regexp.MustCompile(`quý\s*(iv|i{1,3}|[1-4])\s*(?:/|-|năm|,)\s*(?:năm\s*)?(\d{4})`)
	reDueHalf    = regexp.MustCompile(`(6|sáu)\s*tháng\s*(đầu|cuối)\s*năm(?:\s*(\d{4}))?`)
	reDuePeriod  = regexp.MustCompile(`giai đoạn\s*(?:từ\s*)?(?:năm\s*)?(\d{4})\s*(?:-|đến|–)\s*(?:năm\s*)?(\d{4})`)
	reDueWithin  = regexp.MustCompile(`trong\s*(?:vòng|thời hạn)?\s*(\d{1,3})\s*ngày(\s*làm việc)?,?\s*(?:kể\s*)?từ\s*(?:ngày\s*)?(?:ký|ban hành|nhận được)`)
	reBareYear   = regexp.MustCompile(`^\s*(?:năm\s*)?(\d{4})(?:\s*(?:-|–|đến)\s*(?:năm\s*)?(\d{4}))?\s*[.;]?\s*$`)
	reDueYear    = regexp.MustCompile(`(?:trong|hoàn thành trong|trước|đến|cuối|hết|thời gian(?: thực hiện| hoàn thành)?\s*:?)\s*năm\s*(\d{4})`)
	reRecurring  = regexp.MustCompile(`định kỳ(?:\s*(?:hằng|hàng|mỗi))?(?:\s*(tuần|tháng|quý|năm|6 tháng|sáu tháng|03 tháng|3 tháng))?|(?:hằng|hàng|mỗi)\s*(tuần|tháng|quý|năm)|(6|sáu)\s*tháng\s*(?:một|1)\s*lần`)
	reContinuous = regexp.MustCompile(`thường xuyên|liên tục|hằng ngày|hàng ngày`)
	reASAP       = regexp.MustCompile(`khẩn trương|ngay lập tức|ngay sau khi|ngay trong|sớm nhất|(?:thực hiện|triển khai|báo cáo|xử lý|tổ chức|khắc phục|chấn chỉnh|hoàn thành|bổ sung|sửa đổi)(?: [\p{L}]+){0,2} ngay(?:[^\p{L}]|$)`)
	reCondition  = regexp.MustCompile(`khi có yêu cầu|khi được yêu cầu|theo yêu cầu|khi phát sinh|(?:vấn đề|vướng mắc|khó khăn|sự việc|tình huống)(?: [\p{L}]+){0,2} phát sinh|khi cần thiết|trường hợp cần thiết`)
)

var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// deadlineFound is a deadline with its position in the analysed string.
type deadlineFound struct {
	kind  DeadlineKind
	due   time.Time
	has   bool
	rrule string
	i, j  int
}

// findDeadline reads the deadline of a task text. issued (may be zero) is
// the document date: dates before it are history, not deadlines, and a
// date without a year takes the issue year.
func findDeadline(orig string, issued time.Time) (deadlineFound, TaskKind) {
	s := foldSameLen(orig)
	var best deadlineFound
	best.i = -1
	consider := func(f deadlineFound) {
		if f.has && !issued.IsZero() && f.due.Before(issued) {
			return
		}
		if best.i < 0 || f.i < best.i {
			best = f
		}
	}
	full := s
	// A bare time field ("Năm 2025", "2025 - 2026" in a Thời gian column)
	if len(s) < 40 {
		if m := reBareYear.FindStringSubmatchIndex(s); m != nil {
			y := atoiSafe(s[m[2]:m[3]])
			if m[4] >= 0 {
				y = atoiSafe(s[m[4]:m[5]])
			}
			if _, ok := mkDate(1, 1, y); ok {
				consider(deadlineFound{kind: DeadlineByYear, due: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), has: true, i: m[0], j: m[1]})
			}
		}
	}
	for _, w := range digitWindows(full, 48, 72) {
		s := full[w.i:w.j]
		off := w.i
		datedIn(full, s, off, issued, consider)
	}
	s = full
	if best.i >= 0 {
		if best.kind == DeadlineRecurring {
			return best, TaskRecurring
		}
		return best, TaskOneOff
	}
	return undated(s)
}

// datedIn finds the deadlines written with numbers in window s (at offset
// off of the task text).
func datedIn(full, s string, off int, issued time.Time, consider0 func(deadlineFound)) {
	consider := func(f deadlineFound) {
		f.i += off
		f.j += off
		consider0(f)
	}
	for _, m := range reDueDate.FindAllStringSubmatchIndex(s, -1) {
		d := atoiSafe(s[m[4]:m[5]])
		var mo, y int
		switch {
		case m[6] >= 0:
			mo = atoiSafe(s[m[6]:m[7]])
			if m[8] >= 0 {
				y = atoiSafe(s[m[8]:m[9]])
			}
		case m[10] >= 0:
			mo = atoiSafe(s[m[10]:m[11]])
			if m[12] >= 0 {
				y = atoiSafe(s[m[12]:m[13]])
			}
		}
		// "trước ngày 25/12 hằng năm", or "Hằng năm, … trước ngày 15/12"
		yearly := m[14] >= 0 || y == 0 && yearlyBefore(full, off+m[0])
		if yearly {
			if _, ok := mkDate(d, mo, 2000); !ok {
				continue
			}
			f := deadlineFound{kind: DeadlineRecurring, rrule: fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=%d", mo, d), i: m[0], j: m[1]}
			if !issued.IsZero() {
				f.due, f.has = nextYearly(issued, mo, d)
			}
			consider(f)
			continue
		}
		if y == 0 {
			if issued.IsZero() {
				continue
			}
			y = issued.Year()
			if t, ok := mkDate(d, mo, y); ok && t.Before(issued) {
				y++
			}
		}
		t, ok := mkDate(d, mo, y)
		if !ok {
			continue
		}
		consider(deadlineFound{kind: DeadlineExactDate, due: t, has: true, i: m[0], j: m[1]})
	}
	for _, m := range reDueMonth.FindAllStringSubmatchIndex(s, -1) {
		mo, y := atoiSafe(s[m[4]:m[5]]), atoiSafe(s[m[6]:m[7]])
		if _, ok := mkDate(1, mo, y); !ok {
			continue
		}
		due := lastOfMonth(y, mo)
		if m[2] >= 0 { // "trước tháng 12/2025": by the end of November
			due = time.Date(y, time.Month(mo), 0, 0, 0, 0, 0, time.UTC)
		}
		consider(deadlineFound{kind: DeadlineByMonth, due: due, has: true, i: m[0], j: m[1]})
	}
	for _, m := range reDueQuarter.FindAllStringSubmatchIndex(s, -1) {
		q := romanQuarter[s[m[2]:m[3]]]
		y := atoiSafe(s[m[4]:m[5]])
		if _, ok := mkDate(1, 1, y); !ok || q == 0 {
			continue
		}
		consider(deadlineFound{kind: DeadlineByQuarter, due: lastOfMonth(y, q*3), has: true, i: m[0], j: m[1]})
	}
	for _, m := range reDueHalf.FindAllStringSubmatchIndex(s, -1) {
		mo := 6
		if s[m[4]:m[5]] == "cuối" {
			mo = 12
		}
		if m[6] >= 0 {
			y := atoiSafe(s[m[6]:m[7]])
			if _, ok := mkDate(1, 1, y); ok {
				consider(deadlineFound{kind: DeadlineByQuarter, due: lastOfMonth(y, mo), has: true, i: m[0], j: m[1]})
			}
			continue
		}
		f := deadlineFound{kind: DeadlineRecurring, rrule: fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=%d", mo, lastOfMonth(2001, mo).Day()), i: m[0], j: m[1]}
		if !issued.IsZero() {
			f.due, f.has = nextYearly(issued, mo, lastOfMonth(2001, mo).Day())
		}
		consider(f)
	}
	for _, m := range reDuePeriod.FindAllStringSubmatchIndex(s, -1) {
		y := atoiSafe(s[m[4]:m[5]])
		if _, ok := mkDate(1, 1, y); ok {
			consider(deadlineFound{kind: DeadlineByYear, due: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), has: true, i: m[0], j: m[1]})
		}
	}
	if !issued.IsZero() {
		for _, m := range reDueWithin.FindAllStringSubmatchIndex(s, -1) {
			n := atoiSafe(s[m[2]:m[3]])
			consider(deadlineFound{kind: DeadlineExactDate, due: addDays(issued, n, m[4] >= 0), has: true, i: m[0], j: m[1]})
		}
	}
	for _, m := range reDueYear.FindAllStringSubmatchIndex(s, -1) {
		y := atoiSafe(s[m[2]:m[3]])
		if _, ok := mkDate(1, 1, y); !ok {
			continue
		}
		consider(deadlineFound{kind: DeadlineByYear, due: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), has: true, i: m[0], j: m[1]})
	}
}

// undated finds periods, urgency, conditions and continuity.
func undated(s string) (deadlineFound, TaskKind) {
	for p := 0; p < len(s); {
		m := firstMatchNear(reRecurring, s[p:], []string{"định kỳ", "hằng", "hàng", "mỗi", "lần"}, 24, 24)
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		if recurringCue(s, m) {
			return recurringOf(s, m), TaskRecurring
		}
		p = m[1]
	}
	if m := firstMatchNear(reASAP, s, []string{"khẩn trương", "ngay", "sớm nhất"}, 60, 4); m != nil {
		return deadlineFound{kind: DeadlineASAP, i: m[0], j: m[1]}, TaskOneOff
	}
	if m := firstMatchNear(reCondition, s, []string{"yêu cầu", "phát sinh", "cần thiết"}, 50, 4); m != nil {
		return deadlineFound{kind: DeadlineNone, i: m[0], j: m[1]}, TaskConditional
	}
	if m := firstMatchNear(reContinuous, s, []string{"thường xuyên", "liên tục", "hằng ngày", "hàng ngày"}, 0, 0); m != nil {
		return deadlineFound{kind: DeadlineNone, i: m[0], j: m[1]}, TaskContinuous
	}
	return deadlineFound{kind: DeadlineNone, i: -1}, TaskOneOff
}

func recurringOf(s string, m []int) deadlineFound {
	{
		per := ""
		switch {
		case m[2] >= 0:
			per = s[m[2]:m[3]]
		case m[4] >= 0:
			per = s[m[4]:m[5]]
		case m[6] >= 0:
			per = "6 tháng"
		}
		rr := map[string]string{
			"tuần": "FREQ=WEEKLY", "tháng": "FREQ=MONTHLY", "quý": "FREQ=MONTHLY;INTERVAL=3",
			"năm": "FREQ=YEARLY", "6 tháng": "FREQ=MONTHLY;INTERVAL=6", "sáu tháng": "FREQ=MONTHLY;INTERVAL=6",
			"3 tháng": "FREQ=MONTHLY;INTERVAL=3", "03 tháng": "FREQ=MONTHLY;INTERVAL=3",
		}[per]
		return deadlineFound{kind: DeadlineRecurring, rrule: rr, i: m[0], j: m[1]}
	}
}

// recurringCue filters "hằng năm" used as an adjective of a noun
// ("khen thưởng hàng năm") from a periodic duty: "định kỳ …" always
// counts; "hằng tháng/quý/năm" counts at the start of a clause or next to
// a reporting verb.
func recurringCue(s string, m []int) bool {
	w := strings.ToLower(s[m[0]:m[1]])
	if strings.HasPrefix(w, "định kỳ") || m[6] >= 0 {
		return true
	}
	before := strings.ToLower(s[max(0, m[0]-40):m[0]])
	after := strings.ToLower(s[m[1]:min(len(s), m[1]+40)])
	before = strings.TrimRight(before, " ,")
	if before == "" || strings.HasSuffix(before, ";") || strings.HasSuffix(before, ".") || strings.HasSuffix(before, ":") {
		return true
	}
	for _, v := range []string{"báo cáo", "tổng hợp", "gửi", "tổ chức", "sơ kết", "tổng kết", "đánh giá"} {
		if strings.Contains(before, v) || strings.Contains(after, v) {
			return true
		}
	}
	return false
}

// yearlyBefore reports whether "hằng năm" opens the sentence holding p.
func yearlyBefore(s string, p int) bool {
	i := runeStart(s, max(0, p-120))
	pre := s[i:p]
	if k := strings.LastIndexAny(pre, ".;\n"); k >= 0 {
		pre = pre[k+1:]
	}
	return containsAny(pre, "hằng năm", "hàng năm", "mỗi năm")
}

// addDays counts n days (working days, Monday to Friday, when work is
// set) from the issue date: "trong 15 ngày làm việc kể từ ngày ký".
func addDays(t time.Time, n int, work bool) time.Time {
	if !work {
		return t.AddDate(0, 0, n)
	}
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

// nextYearly is the first (month, day) on or after issued.
func nextYearly(issued time.Time, mo, d int) (time.Time, bool) {
	t, ok := mkDate(d, mo, issued.Year())
	if !ok {
		return time.Time{}, false
	}
	if t.Before(issued) {
		t, ok = mkDate(d, mo, issued.Year()+1)
	}
	return t, ok
}
