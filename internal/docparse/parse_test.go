package docparse

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func mustParse(t *testing.T, s string) *Draft {
	t.Helper()
	dr, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkSpans(t, dr)
	return dr
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func taskByOrdinal(dr *Draft, ord string) *Task {
	for k := range dr.Tasks {
		if dr.Tasks[k].Ordinal == ord {
			return &dr.Tasks[k]
		}
	}
	return nil
}

func roleOf(t *Task, name string) Role {
	for _, a := range t.Assignments {
		if a.Name == name || a.Canonical == name {
			return a.Role
		}
	}
	return ""
}

func ordinals(dr *Draft) string {
	var o []string
	for _, t := range dr.Tasks {
		o = append(o, t.Ordinal)
	}
	return strings.Join(o, " ")
}

func refBySymbol(dr *Draft, sym string) *Reference {
	for k := range dr.References {
		if dr.References[k].Symbol.Text == sym {
			return &dr.References[k]
		}
	}
	return nil
}

func hasWarning(dr *Draft, code string) bool {
	for _, w := range dr.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

// A provincial Party committee plan (Tỉnh ủy, …-KH/TU): superior line,
// issuer, Party symbol, title after the type name, Roman sections with a
// purpose section that is not a task, a section without items that is one
// task, quarter/exact/recurring deadlines, and a T/M signature.
const tinhUyPlan = `ĐẢNG BỘ TỈNH QUẢNG TRỊ
TỈNH ỦY
*
Số 134-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Trị, ngày 09 tháng 01 năm 2026

KẾ HOẠCH
thực hiện Chỉ thị số 31-CT/TW ngày 05/3/2024 của Ban Bí thư
về tăng cường công tác bảo vệ chính trị nội bộ

Thực hiện Chỉ thị số 31-CT/TW ngày 05/3/2024 của Ban Bí thư, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc nội dung Chỉ thị.
2. Xác định rõ trách nhiệm của cấp ủy các cấp.

II. NHIỆM VỤ, GIẢI PHÁP
1. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy tổ chức quán triệt Chỉ thị trong Quý I/2026.
2. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn việc sơ kết, hoàn thành trước ngày 30/6/2026.
3. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành xây dựng kế hoạch cụ thể; định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp báo cáo Ban Thường vụ Tỉnh ủy trước ngày 25/12 hằng năm.

Nơi nhận:
- Ban Bí thư (để b/c),
- Ban Tuyên giáo và Dân vận Trung ương (để biết),
- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn An
`

func TestTinhUyPlan(t *testing.T) {
	dr := mustParse(t, tinhUyPlan)
	h := dr.Header
	if h.Symbol.Text != "134-KH/TU" || h.Number != 134 || h.TypeCode.Text != "KH" || h.IssuerCode.Text != "TU" {
		t.Errorf("symbol: %q %d %q %q", h.Symbol.Text, h.Number, h.TypeCode.Text, h.IssuerCode.Text)
	}
	if h.System != SystemParty || h.DocType != DocKeHoach {
		t.Errorf("system/type: %s %s", h.System, h.DocType)
	}
	if h.Issuer.Text != "Tỉnh ủy" || h.Superior.Text != "Đảng bộ tỉnh Quảng Trị" {
		t.Errorf("issuer %q superior %q", h.Issuer.Text, h.Superior.Text)
	}
	if !h.IssueDate.Equal(date("2026-01-09")) || h.Place.Text != "Quảng Trị" {
		t.Errorf("date %v place %q", h.IssueDate, h.Place.Text)
	}
	if !strings.HasPrefix(h.Subject.Text, "thực hiện Chỉ thị số 31-CT/TW") || !strings.HasSuffix(h.Subject.Text, "nội bộ") {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if h.ActingBody.Text != "Ban Thường vụ Tỉnh ủy" {
		t.Errorf("acting body %q", h.ActingBody.Text)
	}
	r := refBySymbol(dr, "31-CT/TW")
	if r == nil || r.Relation != RelImplements || !r.IssueDate.Equal(date("2024-03-05")) || r.Issuer.Text != "Ban Bí thư" {
		t.Errorf("ref: %+v", r)
	}
	if got := ordinals(dr); got != "II.1 II.2 II.3 III" {
		t.Fatalf("ordinals %q", got)
	}
	t1 := taskByOrdinal(dr, "II.1")
	if roleOf(t1, "Các huyện ủy") != RoleLead || roleOf(t1, "đảng ủy trực thuộc Tỉnh ủy") != RoleLead {
		t.Errorf("II.1 assignments %+v", t1.Assignments)
	}
	if t1.Deadline.Kind != DeadlineByQuarter || !t1.Deadline.Due.Equal(date("2026-03-31")) {
		t.Errorf("II.1 deadline %+v", t1.Deadline)
	}
	t2 := taskByOrdinal(dr, "II.2")
	if roleOf(t2, "Ban Tuyên giáo và Dân vận Tỉnh ủy") != RoleLead || roleOf(t2, "Ban Tổ chức Tỉnh ủy") != RoleCoordinate {
		t.Errorf("II.2 assignments %+v", t2.Assignments)
	}
	if t2.Deadline.Kind != DeadlineExactDate || !t2.Deadline.Due.Equal(date("2026-06-30")) {
		t.Errorf("II.2 deadline %+v", t2.Deadline)
	}
	t3 := taskByOrdinal(dr, "II.3")
	if roleOf(t3, "Ủy ban nhân dân tỉnh") != RoleLead || roleOf(t3, "Ban Thường vụ Tỉnh ủy") != RoleReportTo || len(t3.Assignments) != 2 {
		t.Errorf("II.3 assignments %+v", t3.Assignments)
	}
	if t3.Kind != TaskRecurring || t3.Deadline.Recurrence != "FREQ=MONTHLY;INTERVAL=6" {
		t.Errorf("II.3 deadline %s %+v", t3.Kind, t3.Deadline)
	}
	t4 := taskByOrdinal(dr, "III")
	if roleOf(t4, "Văn phòng Tỉnh ủy") != RoleLead || roleOf(t4, "Ban Thường vụ Tỉnh ủy") != RoleReportTo {
		t.Errorf("III assignments %+v", t4.Assignments)
	}
	if t4.Deadline.Recurrence != "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25" || !t4.Deadline.Due.Equal(date("2026-12-25")) {
		t.Errorf("III deadline %+v", t4.Deadline)
	}
	kinds := []RecipientKind{KindForReport, KindForInfo, KindDistribution, KindArchive}
	if len(dr.Distribution) != len(kinds) {
		t.Fatalf("distribution %+v", dr.Distribution)
	}
	for k, e := range dr.Distribution {
		if e.Kind != kinds[k] {
			t.Errorf("distribution %q kind %s, want %s", e.Text.Text, e.Kind, kinds[k])
		}
	}
	s := dr.Signature
	if s.Authority != "T/M" || s.OnBehalfOf != "Ban Thường vụ" || s.Position.Text != "Bí thư" || s.Name.Text != "Nguyễn Văn An" {
		t.Errorf("signature %+v", s)
	}
	if len(dr.Warnings) != 0 {
		t.Errorf("warnings %+v", dr.Warnings)
	}
}

// A district committee (Huyện ủy, …-KH/HU) whose title line comes first,
// with the date line broken over two lines and Markdown debris.
const huyenUyPlan = "**ĐẢNG CỘNG SẢN VIỆT NAM**\r\n\r\nĐẢNG BỘ TỈNH PHÚ YÊN\r\n**HUYỆN ỦY TUY AN**\r\n\\*\r\nSố 128-KH/HU\r\n*Tuy An, ngày 15\r\ntháng 3 năm 2023*\r\n\r\n**KẾ HOẠCH**\r\n\r\n**triển khai thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư**\r\n\r\n" +
	"Để triển khai thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư (sau đây gọi là Kết luận 44), Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\r\n\r\n" +
	"**1.** Ban Dân vận Huyện ủy chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam huyện tham mưu sơ kết; hoàn thành trong tháng 12/2023.\r\n\r\n" +
	"**2.** Đảng ủy các xã, thị trấn tổ chức quán triệt Kết luận 44 đến cán bộ, đảng viên trong năm 2023.\r\n\r\n" +
	"**3.** Kinh phí thực hiện từ nguồn ngân sách huyện.\r\n\r\n" +
	"Nơi nhận:\r\n- Ban Thường vụ Tỉnh ủy (để b/c),\r\n- Lưu Văn phòng Huyện ủy.\r\n\r\n**T/M BAN THƯỜNG VỤ**\r\n**PHÓ BÍ THƯ THƯỜNG TRỰC**\r\n\r\nTrần Thị Bình\r\n"

func TestHuyenUyPlan(t *testing.T) {
	dr := mustParse(t, huyenUyPlan)
	h := dr.Header
	if h.Symbol.Text != "128-KH/HU" || h.Issuer.Text != "Huyện ủy Tuy An" || h.Superior.Text != "Đảng bộ tỉnh Phú Yên" {
		t.Errorf("header %q %q %q", h.Symbol.Text, h.Issuer.Text, h.Superior.Text)
	}
	if !h.IssueDate.Equal(date("2023-03-15")) || h.Place.Text != "Tuy An" {
		t.Errorf("date %v %q", h.IssueDate, h.Place.Text)
	}
	if h.Subject.Text != "triển khai thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư" {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if r := refBySymbol(dr, "44-KL/TW"); r == nil || r.Relation != RelImplements || len(dr.References) != 1 {
		t.Errorf("refs %+v", dr.References)
	}
	// "3. Kinh phí …" is a funding-only item, not a task.
	if got := ordinals(dr); got != "1 2" {
		t.Fatalf("ordinals %q", got)
	}
	t1 := taskByOrdinal(dr, "1")
	if roleOf(t1, "Ban Dân vận Huyện ủy") != RoleLead || roleOf(t1, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện") != RoleCoordinate {
		t.Errorf("1: %+v", t1.Assignments)
	}
	if t1.Deadline.Kind != DeadlineByMonth || !t1.Deadline.Due.Equal(date("2023-12-31")) {
		t.Errorf("1 deadline %+v", t1.Deadline)
	}
	t2 := taskByOrdinal(dr, "2")
	if roleOf(t2, "Đảng ủy các xã, thị trấn") != RoleLead || t2.Deadline.Kind != DeadlineByYear || !t2.Deadline.Due.Equal(date("2023-12-31")) {
		t.Errorf("2: %+v %+v", t2.Assignments, t2.Deadline)
	}
	if s := dr.Signature; s.Authority != "T/M" || s.Position.Text != "Phó Bí thư Thường trực" || s.Name.Text != "Trần Thị Bình" {
		t.Errorf("signature %+v", s)
	}
}

// A commune Party committee công văn (…-CV/ĐU) with a one-line Kính gửi.
const dangUyCV = `ĐẢNG BỘ TỈNH NINH BÌNH
ĐẢNG ỦY XÃ GIA VIỄN
*
Số 219-CV/ĐU
V/v tổ chức hội nghị sơ kết 6 tháng đầu năm 2025
ĐẢNG CỘNG SẢN VIỆT NAM
Gia Viễn, ngày 02 tháng 6 năm 2025

Kính gửi: Các chi bộ trực thuộc Đảng ủy

Ban Thường vụ Đảng ủy đề nghị các chi bộ chuẩn bị báo cáo sơ kết, gửi về Văn phòng Đảng ủy trước ngày 20/6/2025.

Nơi nhận:
- Như trên,
- Lưu VP.

T/M ĐẢNG ỦY
BÍ THƯ

Lê Văn Cường
`

func TestDangUyCongVan(t *testing.T) {
	dr := mustParse(t, dangUyCV)
	h := dr.Header
	if h.Symbol.Text != "219-CV/ĐU" || h.TypeCode.Text != "CV" || h.IssuerCode.Text != "ĐU" || h.DocType != DocCongVan {
		t.Errorf("symbol %q %q %q %s", h.Symbol.Text, h.TypeCode.Text, h.IssuerCode.Text, h.DocType)
	}
	if h.Issuer.Text != "Đảng ủy xã Gia Viễn" || h.Superior.Text != "Đảng bộ tỉnh Ninh Bình" {
		t.Errorf("issuer %q superior %q", h.Issuer.Text, h.Superior.Text)
	}
	if h.Subject.Text != "V/v tổ chức hội nghị sơ kết 6 tháng đầu năm 2025" {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if len(dr.Recipients) != 1 || dr.Recipients[0].Name != "Các chi bộ trực thuộc Đảng ủy" {
		t.Errorf("recipients %+v", dr.Recipients)
	}
	if len(dr.Tasks) != 0 {
		t.Errorf("tasks %+v", dr.Tasks)
	}
	if len(dr.Duties) != 1 || dr.Duties[0].Deadline.Kind != DeadlineExactDate || !dr.Duties[0].Deadline.Due.Equal(date("2025-06-20")) {
		t.Errorf("duties %+v", dr.Duties)
	} else if roleOf(&dr.Duties[0], "Văn phòng Đảng ủy") != RoleReportTo {
		t.Errorf("duty assignments %+v", dr.Duties[0].Assignments)
	}
	if s := dr.Signature; s.Authority != "T/M" || s.OnBehalfOf != "Đảng ủy" || s.Position.Text != "Bí thư" {
		t.Errorf("signature %+v", s)
	}
	if c := dr.Corpus(); c.Type != "CV" || c.Tasks == nil || len(c.Tasks) != 0 {
		t.Errorf("corpus %+v", c)
	}
}

// A Government Office công văn (…/VPCP-KTTH): state symbol without type
// code, "V/v:" with a colon, a responds_to citation, "Các Bộ: A, B", a month
// deadline, and a T/L signature whose post names its unit.
const vpcpCV = `VĂN PHÒNG CHÍNH PHỦ
-------
Số: 8424/VPCP-KTTH
V/v: trợ cấp một lần đối với người có công
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 14 tháng 10 năm 2016

Kính gửi:
- Bộ Tài chính;
- Bộ Lao động - Thương binh và Xã hội.

Xét đề nghị của Bộ Tài chính tại Công văn số 12345/BTC-NSNN ngày 05/9/2016 về kinh phí trợ cấp, Phó Thủ tướng Vương Đình Huệ có ý kiến như sau:

1. Bộ Lao động - Thương binh và Xã hội chủ trì, phối hợp với Bộ Tài chính hướng dẫn thực hiện, báo cáo Thủ tướng Chính phủ trong tháng 12/2016.
2. Các Bộ: Tài chính, Nội vụ theo chức năng, nhiệm vụ được giao hướng dẫn các địa phương thực hiện.

Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.

Nơi nhận:
- Như trên;
- Thủ tướng, các Phó Thủ tướng (để b/c);
- Lưu: VT, KTTH (3).

TL. BỘ TRƯỞNG, CHỦ NHIỆM
VỤ TRƯỞNG VỤ KINH TẾ TỔNG HỢP

Phạm Văn Dũng
`

func TestVPCPCongVan(t *testing.T) {
	dr := mustParse(t, vpcpCV)
	h := dr.Header
	if h.Symbol.Text != "8424/VPCP-KTTH" || h.TypeCode.Text != "CV" || h.IssuerCode.Text != "VPCP-KTTH" || h.System != SystemState {
		t.Errorf("symbol %q %q %q %s", h.Symbol.Text, h.TypeCode.Text, h.IssuerCode.Text, h.System)
	}
	if h.Issuer.Text != "Văn phòng Chính phủ" || h.Superior.Text != "" {
		t.Errorf("issuer %q %q", h.Issuer.Text, h.Superior.Text)
	}
	if h.Subject.Text != "V/v: trợ cấp một lần đối với người có công" {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if len(dr.Recipients) != 2 || dr.Recipients[1].Name != "Bộ Lao động - Thương binh và Xã hội" {
		t.Errorf("recipients %+v", dr.Recipients)
	}
	r := refBySymbol(dr, "12345/BTC-NSNN")
	if r == nil || r.Relation != RelRespondsTo || r.TypeCode != "CV" || !r.IssueDate.Equal(date("2016-09-05")) {
		t.Errorf("ref %+v", r)
	}
	if got := ordinals(dr); got != "1 2" {
		t.Fatalf("ordinals %q", got)
	}
	t1 := taskByOrdinal(dr, "1")
	if roleOf(t1, "Bộ Lao động - Thương binh và Xã hội") != RoleLead || roleOf(t1, "Bộ Tài chính") != RoleCoordinate || roleOf(t1, "Thủ tướng Chính phủ") != RoleReportTo {
		t.Errorf("1: %+v", t1.Assignments)
	}
	if t1.Deadline.Kind != DeadlineByMonth || !t1.Deadline.Due.Equal(date("2016-12-31")) {
		t.Errorf("1 deadline %+v", t1.Deadline)
	}
	t2 := taskByOrdinal(dr, "2")
	if roleOf(t2, "Bộ Tài chính") != RoleLead || roleOf(t2, "Bộ Nội vụ") != RoleLead {
		t.Errorf("2: %+v", t2.Assignments)
	}
	if len(dr.Distribution) != 3 || dr.Distribution[1].Kind != KindForReport || dr.Distribution[2].Text.Text != "Lưu: VT, KTTH (3)" {
		t.Errorf("distribution %+v", dr.Distribution)
	}
	s := dr.Signature
	if s.Authority != "TL." || s.OnBehalfOf != "Bộ trưởng, Chủ nhiệm" || !strings.EqualFold(s.Position.Text, "Vụ trưởng Vụ Kinh tế tổng hợp") || s.Name.Text != "Phạm Văn Dũng" {
		t.Errorf("signature %+v", s)
	}
}

// A provincial decision with articles (Điều): "Căn cứ" gives based_on,
// "Xét đề nghị … tại Tờ trình" responds_to; the articles are the tasks;
// the effect clause that also assigns execution stays a task.
const ubndDecision = `ỦY BAN NHÂN DÂN
TỈNH QUẢNG BÌNH
-------
Số: 2198/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Bình, ngày 30 tháng 10 năm 2023

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác rà soát thủ tục hành chính
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Quyết định số 42/2014/QĐ-TTg ngày 27/7/2014 của Thủ tướng Chính phủ;
Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 20/10/2023.

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác rà soát thủ tục hành chính của tỉnh.
Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh hướng dẫn hoạt động của Tổ công tác, hoàn thành trong Quý IV/2023.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT, NC.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Hồ An Phong
`

func TestUBNDDecision(t *testing.T) {
	dr := mustParse(t, ubndDecision)
	h := dr.Header
	if h.Symbol.Text != "2198/QĐ-UBND" || h.DocType != DocQuyetDinh || h.Issuer.Text != "Ủy ban nhân dân tỉnh Quảng Bình" {
		t.Errorf("header %q %s %q", h.Symbol.Text, h.DocType, h.Issuer.Text)
	}
	if h.Subject.Text != "Về việc thành lập Tổ công tác rà soát thủ tục hành chính" {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if r := refBySymbol(dr, "42/2014/QĐ-TTg"); r == nil || r.Relation != RelBasedOn || r.TypeCode != "QĐ" {
		t.Errorf("42/2014: %+v", r)
	}
	if r := refBySymbol(dr, "45/TTr-SNV"); r == nil || r.Relation != RelRespondsTo || r.TypeCode != "TTr" {
		t.Errorf("45/TTr: %+v", r)
	}
	for _, r := range dr.Corpus().References {
		if r.Relation == "based_on" {
			t.Errorf("corpus form must print based_on as cites")
		}
	}
	if got := ordinals(dr); got != "Điều 1 Điều 2 Điều 3" {
		t.Fatalf("ordinals %q", got)
	}
	t2 := taskByOrdinal(dr, "Điều 2")
	if roleOf(t2, "Sở Nội vụ") != RoleLead || roleOf(t2, "Văn phòng UBND tỉnh") != RoleCoordinate {
		t.Errorf("Điều 2: %+v", t2.Assignments)
	}
	if t2.Deadline.Kind != DeadlineByQuarter || !t2.Deadline.Due.Equal(date("2023-12-31")) {
		t.Errorf("Điều 2 deadline %+v", t2.Deadline)
	}
	t3 := taskByOrdinal(dr, "Điều 3")
	if roleOf(t3, "Văn phòng UBND tỉnh") != RoleLead || roleOf(t3, "Sở Nội vụ") != RoleLead || len(t3.Assignments) != 2 {
		t.Errorf("Điều 3: %+v", t3.Assignments)
	}
	if s := dr.Signature; s.Authority != "KT." || s.OnBehalfOf != "Chủ tịch" || s.Position.Text != "Phó Chủ tịch" || s.Name.Text != "Hồ An Phong" {
		t.Errorf("signature %+v", s)
	}
}

func TestSymbols(t *testing.T) {
	cases := []struct {
		in, sym, typ, issuer string
		dt                   DocType
	}{
		{"Số 1416-CV/QU", "1416-CV/QU", "CV", "QU", DocCongVan},
		{"Số: 1026/KH-UBND", "1026/KH-UBND", "KH", "UBND", DocKeHoach},
		{"Số: 8424/VPCP-KTTH", "8424/VPCP-KTTH", "CV", "VPCP-KTTH", DocCongVan},
		{"Số: 30/2020/NĐ-CP", "30/2020/NĐ-CP", "NĐ", "CP", DocNghiDinh},
		{"Số 06-HD/BTCTW-BTGTW", "06-HD/BTCTW-BTGTW", "HD", "BTCTW-BTGTW", DocHuongDan},
		{"Số 13-NQ/TƯ", "13-NQ/TW", "NQ", "TW", DocNghiQuyet},
		{"Số: 1O26/KH-UBND", "1026/KH-UBND", "KH", "UBND", DocKeHoach},
		{"Số 29-CV/TC-NV", "29-CV/TC-NV", "CV", "TC-NV", DocCongVan},
		{"Số: 217/CĐ-TTg", "217/CĐ-TTg", "CĐ", "TTg", DocCongDien},
		{"Số 02-TT/TU", "02-TT/TU", "TT", "TU", DocThongTri},
		{"Số: 01/2020/TT-VPCP", "01/2020/TT-VPCP", "TT", "VPCP", DocThongTu},
		{"Số: 59/2020/QH14", "59/2020/QH14", "", "QH14", DocLuat},
		{"Số 45-QĐNS/TW", "45-QĐNS/TW", "QĐNS", "TW", DocQuyetDinh},
		{"Số: 252/KH-BCĐQG1237", "252/KH-BCĐQG1237", "KH", "BCĐQG1237", DocKeHoach},
	}
	for _, c := range cases {
		ms := findSymbols(c.in)
		if len(ms) != 1 {
			t.Errorf("%q: %d symbols", c.in, len(ms))
			continue
		}
		m := ms[0]
		if m.text != c.sym || m.displayType() != c.typ || m.issuer != c.issuer || m.docType() != c.dt {
			t.Errorf("%q: got %q type %q issuer %q %s", c.in, m.text, m.displayType(), m.issuer, m.docType())
		}
	}
	for _, s := range []string{"ngày 21/10/2025", "Quý IV/2025", "COVID-19", "hóa học/dioxin", "Chủ nhật - 04/12/2022 22:01"} {
		if ms := findSymbols(s); len(ms) != 0 {
			t.Errorf("%q: false symbol %+v", s, ms)
		}
	}
}

func TestDateLines(t *testing.T) {
	cases := []struct {
		in, place, date string
	}{
		{"Kiến An, ngày 06 tháng 3 năm 2023", "Kiến An", "2023-03-06"},
		{"Hà Nội, ngày 8 tháng 6 năm 2010", "Hà Nội", "2010-06-08"},
		{"Nghệ An, ngày 26\ntháng 11 năm 2025", "Nghệ An", "2025-11-26"},
		{"Đà Nẵng, ngày 14/11/2022", "Đà Nẵng", "2022-11-14"},
		{"Hà Nội, ngày 7-9-1987", "Hà Nội", "1987-09-07"},
		{"TP. Hồ Chí Minh, ngày 09 tháng 01 năm 2026", "TP. Hồ Chí Minh", "2026-01-09"},
		{"Số: 12/KH-UBND Hà Nội, ngày 2 tháng 3 năm 2024", "Hà Nội", "2024-03-02"},
	}
	for _, c := range cases {
		dl, ok := findDateLine(c.in)
		if !ok || dl.place != c.place || !dl.t.Equal(date(c.date)) {
			t.Errorf("%q: %v %q %v", c.in, ok, dl.place, dl.t)
		}
	}
	for _, s := range []string{"Chủ nhật - 04/12/2022 22:01", "Ngày 14/11/2022, Ban Bí thư ban hành Kết luận", "Hà Nội, ngày 31 tháng 2 năm 2023"} {
		if dl, ok := findDateLine(s); ok {
			t.Errorf("%q: false date line %+v", s, dl)
		}
	}
}

// A web page date above the document is not the document date.
func TestWebDateIgnored(t *testing.T) {
	dr := mustParse(t, "Chủ nhật - 04/12/2022 22:01\n\nTHÀNH ỦY HẢI PHÒNG\nSố 809-CV/TU\nV/v thực hiện Kết luận 44\nĐẢNG CỘNG SẢN VIỆT NAM\nHải Phòng, ngày 06 tháng 02 năm 2023\n")
	if !dr.Header.IssueDate.Equal(date("2023-02-06")) || dr.Header.Place.Text != "Hải Phòng" {
		t.Errorf("date %v place %q", dr.Header.IssueDate, dr.Header.Place.Text)
	}
}

func TestDeadlines(t *testing.T) {
	issued := date("2025-11-26")
	cases := []struct {
		in    string
		kind  DeadlineKind
		tk    TaskKind
		due   string
		rrule string
	}{
		{"hoàn thành trước ngày 30 tháng 5 năm 2026", DeadlineExactDate, TaskOneOff, "2026-05-30", ""},
		{"báo cáo trước ngày 15/12/2025", DeadlineExactDate, TaskOneOff, "2025-12-15", ""},
		{"xong trước ngày 7-1-2026", DeadlineExactDate, TaskOneOff, "2026-01-07", ""},
		{"Thời gian hoàn thành: trước ngày 30/12/2025", DeadlineExactDate, TaskOneOff, "2025-12-30", ""},
		{"tổng hợp báo cáo UBND tỉnh trước ngày 25/12 hằng năm", DeadlineRecurring, TaskRecurring, "2025-12-25", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"},
		{"gửi báo cáo trước ngày 15/6 hàng năm", DeadlineRecurring, TaskRecurring, "2026-06-15", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15"},
		{"trình UBND tỉnh trong tháng 12/2025", DeadlineByMonth, TaskOneOff, "2025-12-31", ""},
		{"hoàn thành trong Quý IV/2025", DeadlineByQuarter, TaskOneOff, "2025-12-31", ""},
		{"hoàn thành trong quý II/2026", DeadlineByQuarter, TaskOneOff, "2026-06-30", ""},
		{"tổ chức sơ kết trong năm 2026", DeadlineByYear, TaskOneOff, "2026-12-31", ""},
		{"báo cáo kết quả 6 tháng đầu năm 2026", DeadlineByQuarter, TaskOneOff, "2026-06-30", ""},
		{"định kỳ 6 tháng báo cáo Ban Thường vụ", DeadlineRecurring, TaskRecurring, "", "FREQ=MONTHLY;INTERVAL=6"},
		{"báo cáo kết quả hằng quý", DeadlineRecurring, TaskRecurring, "", "FREQ=MONTHLY;INTERVAL=3"},
		{"hằng tháng báo cáo tiến độ", DeadlineRecurring, TaskRecurring, "", "FREQ=MONTHLY"},
		{"thường xuyên theo dõi, kiểm tra", DeadlineNone, TaskContinuous, "", ""},
		{"khẩn trương triển khai thực hiện", DeadlineASAP, TaskOneOff, "", ""},
		{"phát hiện sự cố phải báo cáo ngay", DeadlineASAP, TaskOneOff, "", ""},
		{"cung cấp thông tin khi có yêu cầu", DeadlineNone, TaskConditional, "", ""},
		{"thực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng", DeadlineNone, TaskOneOff, "", ""},
		{"công tác thi đua khen thưởng hàng năm của đơn vị", DeadlineNone, TaskOneOff, "", ""},
		{"Kế hoạch bảo vệ bí mật nhà nước năm 2025", DeadlineNone, TaskOneOff, "", ""},
		{"trước ngày 30 tháng 11 năm 2012", DeadlineNone, TaskOneOff, "", ""}, // before the issue date: history
		{"gửi về Sở Nội vụ trước 17 giờ ngày 15/12/2025", DeadlineExactDate, TaskOneOff, "2025-12-15", ""},
		{"hạn cuối ngày 20/12/2025", DeadlineExactDate, TaskOneOff, "2025-12-20", ""},
		{"Năm 2026", DeadlineByYear, TaskOneOff, "2026-12-31", ""},
		{"2026 - 2027", DeadlineByYear, TaskOneOff, "2027-12-31", ""},
		{"thực hiện trong giai đoạn 2026 - 2030", DeadlineByYear, TaskOneOff, "2030-12-31", ""},
		{"báo cáo trong vòng 30 ngày kể từ ngày ký", DeadlineExactDate, TaskOneOff, "2025-12-26", ""},
		{"trong 5 ngày làm việc kể từ ngày nhận được", DeadlineExactDate, TaskOneOff, "2025-12-03", ""},
	}
	for _, c := range cases {
		f, tk := findDeadline(c.in, issued)
		got := ""
		if f.has {
			got = f.due.Format(time.DateOnly)
		}
		if f.kind != c.kind || tk != c.tk || got != c.due || f.rrule != c.rrule {
			t.Errorf("%q: kind %s task %s due %q rrule %q", c.in, f.kind, tk, got, f.rrule)
		}
	}
}

func TestSignatures(t *testing.T) {
	cases := []struct {
		block                        string
		authority, behalf, pos, name string
		formulas                     int
	}{
		{"TL. BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\nĐỗ Văn Hùng", "TL.", "Ban Thường vụ", "Chánh Văn phòng", "Đỗ Văn Hùng", 1},
		{"T/L BAN THƯỜNG VỤ\nPHÓ CHÁNH VĂN PHÒNG\n(Đã ký)\nĐỗ Văn Hùng", "T/L", "Ban Thường vụ", "Phó Chánh Văn phòng", "Đỗ Văn Hùng", 1},
		{"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Lan", "KT.", "Chủ tịch", "Phó Chủ tịch", "Nguyễn Thị Lan", 1},
		{"Q. GIÁM ĐỐC\n\nPhan Văn Tú", "Q.", "", "Giám đốc", "Phan Văn Tú", 1},
		{"TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Thanh An", "KT.", "Chủ tịch", "Phó Chủ tịch", "Bùi Thanh An", 2},
		{"K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nLê Minh", "K/T", "Trưởng ban", "Phó Trưởng ban", "Lê Minh", 1},
		{"T/UQ BAN THƯỜNG VỤ\nTRƯỞNG BAN TỔ CHỨC\nVõ Thị Hoa", "T/UQ", "Ban Thường vụ", "Trưởng ban Tổ chức", "Võ Thị Hoa", 1},
		{"| Nơi nhận: - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Khắc Định |", "KT.", "Bộ trưởng, Chủ nhiệm", "Phó Chủ nhiệm", "Nguyễn Khắc Định", 1},
		{"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Nam", "TM.", "Ủy ban nhân dân", "Chủ tịch", "Trần Văn Nam", 1},
		{"BỘ TRƯỞNG\n\nNguyễn Văn Thắng", "", "", "Bộ trưởng", "Nguyễn Văn Thắng", 0},
	}
	for _, c := range cases {
		dr := mustParse(t, "Nội dung công văn./.\n\n"+c.block+"\n")
		s := dr.Signature
		if s.Authority != c.authority || s.OnBehalfOf != c.behalf || s.Position.Text != c.pos || s.Name.Text != c.name || len(s.Formulas) != c.formulas {
			t.Errorf("%q:\n got %q %q %q %q %d", c.block, s.Authority, s.OnBehalfOf, s.Position.Text, s.Name.Text, len(s.Formulas))
		}
	}
}

func TestRecipients(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Kính gửi: Bộ Lao động - Thương binh và Xã hội", []string{"Bộ Lao động - Thương binh và Xã hội"}},
		{"Kính gửi:\n- Hội đồng nhân dân, Ủy ban nhân dân quận,\n- Các Ban xây dựng Đảng, Văn phòng Quận ủy,\n- Hội Chữ thập đỏ quận.",
			[]string{"Hội đồng nhân dân quận", "Ủy ban nhân dân quận", "Các Ban xây dựng Đảng", "Văn phòng Quận ủy", "Hội Chữ thập đỏ quận"}},
		{"Kính gửi:\n- Các sở, ban, ngành cấp tỉnh;\n- UBND các huyện, thị xã, thành phố.", []string{"Các sở, ban, ngành cấp tỉnh", "UBND các huyện, thị xã, thành phố"}},
		{"Kính gửi: Sở Khoa học và Công nghệ; Sở Văn hóa, Thể thao và Du lịch", []string{"Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"}},
		{"Kính gửi: Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", []string{"Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh"}},
	}
	for _, c := range cases {
		dr := mustParse(t, c.in+"\n\nĐề nghị các cơ quan thực hiện./.\n")
		var got []string
		for _, r := range dr.Recipients {
			got = append(got, r.Name)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got  %q\n want %q", c.in, got, c.want)
		}
	}
}

func TestDistributionKinds(t *testing.T) {
	for in, want := range map[string]RecipientKind{
		"Như trên": KindAddressee,
		"Thường trực Tỉnh ủy (để b/c)":  KindForReport,
		"Bộ Công an (để báo cáo)":       KindForReport,
		"Các đồng chí UVBTV (để biết)":  KindForInfo,
		"Lưu: VT, KGVX (3)":             KindArchive,
		"Lưu VPQU":                      KindArchive,
		"Các sở, ban, ngành cấp tỉnh":   KindDistribution,
		"UBND các huyện (để thực hiện)": KindAddressee,
	} {
		if got := distKind(in); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

func TestHeaderMarkings(t *testing.T) {
	dr := mustParse(t, "MẬT\nHỎA TỐC\nỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 15/CĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Tĩnh, ngày 3 tháng 9 năm 2025\n\nCÔNG ĐIỆN\nVề việc ứng phó bão số 5\n\nChủ tịch UBND tỉnh điện:\n- Giám đốc các Sở: Nông nghiệp và Môi trường, Công Thương;\n- Chủ tịch UBND các xã, phường.\n\n1. Các sở, ngành triển khai ngay các biện pháp ứng phó.\n")
	h := dr.Header
	if h.Secrecy.Text != "MẬT" || h.Urgency.Text != "HỎA TỐC" {
		t.Errorf("markings %q %q", h.Secrecy.Text, h.Urgency.Text)
	}
	if h.Issuer.Text != "Ủy ban nhân dân tỉnh Hà Tĩnh" || h.DocType != DocCongDien || h.Subject.Text != "Về việc ứng phó bão số 5" {
		t.Errorf("header %q %s %q", h.Issuer.Text, h.DocType, h.Subject.Text)
	}
	var got []string
	for _, r := range dr.Recipients {
		got = append(got, r.Name)
	}
	if strings.Join(got, "|") != "Sở Nông nghiệp và Môi trường|Sở Công Thương|UBND các xã, phường" {
		t.Errorf("telegram recipients %q", got)
	}
	if t1 := taskByOrdinal(dr, "1"); t1 == nil || t1.Deadline.Kind != DeadlineASAP {
		t.Errorf("task 1 %+v", t1)
	}
}

// Joint Party guidance with an older hyphenated date.
func TestJointIssuer(t *testing.T) {
	dr := mustParse(t, "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC - BAN TUYÊN GIÁO\n*\nSố 06-HD/BTCTW-BTGTW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 7-9-1987\n\nHƯỚNG DẪN\nvề công tác phát triển đảng viên\n\n1. Các tỉnh ủy, thành ủy chỉ đạo thực hiện.\n")
	h := dr.Header
	if h.Symbol.Text != "06-HD/BTCTW-BTGTW" || h.IssuerCode.Text != "BTCTW-BTGTW" || h.DocType != DocHuongDan {
		t.Errorf("symbol %q %q %s", h.Symbol.Text, h.IssuerCode.Text, h.DocType)
	}
	if !h.IssueDate.Equal(date("1987-09-07")) || h.Superior.Text != "Ban Chấp hành Trung ương" {
		t.Errorf("date %v superior %q issuer %q", h.IssueDate, h.Superior.Text, h.Issuer.Text)
	}
	if t1 := taskByOrdinal(dr, "1"); t1 == nil || roleOf(t1, "Các tỉnh ủy") != RoleLead || roleOf(t1, "thành ủy") != RoleLead {
		t.Errorf("task 1 %+v", t1)
	}
}

// A reminder (đôn đốc) letter: the cited assigning letter is "reminds".
func TestReminder(t *testing.T) {
	dr := mustParse(t, "BỘ NỘI VỤ\nSố: 512/BNV-TCBC\nV/v đôn đốc báo cáo\nHà Nội, ngày 10 tháng 3 năm 2024\n\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n\nTại Công văn số 101/BNV-TCBC ngày 05/01/2024, Bộ Nội vụ đã đề nghị các địa phương báo cáo số lượng biên chế. Đến nay còn 20 địa phương chưa gửi báo cáo. Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh khẩn trương gửi báo cáo về Bộ Nội vụ trước ngày 25/3/2024.\n")
	if r := refBySymbol(dr, "101/BNV-TCBC"); r == nil || r.Relation != RelReminds {
		t.Errorf("ref %+v", r)
	}
	if len(dr.Duties) != 1 || !dr.Duties[0].Deadline.Due.Equal(date("2024-03-25")) || roleOf(&dr.Duties[0], "Bộ Nội vụ") != RoleReportTo {
		t.Errorf("duties %+v", dr.Duties)
	}
}

func TestNormalization(t *testing.T) {
	// U+00D0 for Đ, decomposed marks, NBSP, zero-width space, CRLF.
	in := "\u00d0ẢNG BỘ TỈNH A\r\nHUYE\u0323\u0302N U\u0309Y B\r\n*\r\nSố\u00a0128-KH/HU\u200b\r\nB, ngày 5 tháng 5 năm 2024\r\n"
	dr := mustParse(t, in)
	h := dr.Header
	if h.Superior.Text != "Đảng bộ tỉnh A" || h.Issuer.Text != "Huyện ủy B" || h.Symbol.Text != "128-KH/HU" {
		t.Errorf("got superior %q issuer %q symbol %q", h.Superior.Text, h.Issuer.Text, h.Symbol.Text)
	}
	if got := in[h.Symbol.Span.Start:h.Symbol.Span.End]; got != "128-KH/HU" {
		t.Errorf("symbol span covers %q", got)
	}
	if got := in[h.Issuer.Span.Start:h.Issuer.Span.End]; got != "HUYE\u0323\u0302N U\u0309Y B" {
		t.Errorf("issuer span covers %q", got)
	}
	// old-style tone placement
	if n := normalize([]byte("CỘNG HOÀ, Uỷ ban, hoà bình, quý, hoàn")); n.s != "CỘNG HÒA, Ủy ban, hòa bình, quý, hoàn" {
		t.Errorf("retone: %q", n.s)
	}
}

func TestBadInput(t *testing.T) {
	big := make([]byte, MaxInputBytes+1)
	for k := range big {
		big[k] = 'a'
	}
	cases := []struct {
		name string
		in   []byte
		err  error
		msg  string
	}{
		{"empty", nil, ErrEmpty, "docparse: input is empty"},
		{"blank", []byte(" \n\t\r\n\u00a0\u200b "), ErrEmpty, "docparse: input has only white space"},
		{"nul", []byte("Số 12\x00-KH/TU"), ErrNotText, "docparse: input contains a NUL byte at offset 7; it looks like a binary file, not text"},
		{"latin1", []byte{0xc4, 0x90, 0xe1, 0xba, 0xa2, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa, 0xf9}, ErrNotText, "docparse: input is not UTF-8 text: 58% of its bytes are invalid or control characters"},
		{"huge", big, ErrTooLarge, "docparse: input is 1.0 MB; the limit is 1 MB"},
		{"huger", make([]byte, 3300000), ErrTooLarge, "docparse: input is 3.1 MB; the limit is 1 MB"},
	}
	for _, c := range cases {
		dr, err := Parse(c.in)
		if !errors.Is(err, c.err) || err.Error() != c.msg || dr != nil {
			t.Errorf("%s: got %v (%v), want %q", c.name, err, dr != nil, c.msg)
		}
	}
}

func TestDegradedInput(t *testing.T) {
	// Truncated: only the start of a header.
	dr := mustParse(t, "ĐẢNG BỘ TỈNH QUẢNG NINH\nHUYỆN ỦY CÔ TÔ\n")
	for _, w := range []string{"no_symbol", "no_date", "no_subject"} {
		if !hasWarning(dr, w) {
			t.Errorf("truncated: no %s warning: %+v", w, dr.Warnings)
		}
	}
	// Foreign text.
	dr = mustParse(t, "The committee requests all departments to submit their annual reports before the end of the year, and to coordinate with the office on the details of the plan.")
	if !hasWarning(dr, "not_vietnamese") {
		t.Errorf("foreign: no warning: %+v", dr.Warnings)
	}
	// A few invalid bytes are replaced, with a warning.
	dr = mustParse(t, "ỦY BAN NHÂN DÂN TỈNH A\nSố: 5/KH-UBND\nA, ngày 1 tháng 2 năm 2024\n\xff\nNội dung.")
	if !hasWarning(dr, "invalid_utf8") || dr.Header.Symbol.Text != "5/KH-UBND" {
		t.Errorf("invalid bytes: %+v", dr.Warnings)
	}
}

func TestOrgNames(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"Giám đốc các Sở, Thủ trưởng các ngành, cơ quan cấp tỉnh, UBND các xã, phường xây dựng kế hoạch", "các Sở|các ngành, cơ quan cấp tỉnh|UBND các xã, phường"},
		{"Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh tham gia", "Mặt trận Tổ quốc Việt Nam tỉnh|các tổ chức chính trị - xã hội tỉnh"},
		{"Sở Tài nguyên và Môi trường, Sở Giáo dục và Đào tạo chủ trì", "Sở Tài nguyên và Môi trường|Sở Giáo dục và Đào tạo"},
		{"Chủ tịch UBND các huyện, thị xã, thành phố chỉ đạo", "UBND các huyện, thị xã, thành phố"},
		{"Trung tâm Văn hóa - Thông tin và Thể thao quận tích cực tuyên truyền", "Trung tâm Văn hóa - Thông tin và Thể thao quận"},
		{"Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh và Bộ Chỉ huy Bộ đội Biên phòng tỉnh phối hợp", "Công an tỉnh|Bộ Chỉ huy Quân sự tỉnh|Bộ Chỉ huy Bộ đội Biên phòng tỉnh"},
	}
	for _, c := range cases {
		toks := tokenize(c.in)
		os, _ := orgList(toks, 0)
		if got := strings.Join(orgNames(toks, os), "|"); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.in, got, c.want)
		}
	}
}

func TestPrettyName(t *testing.T) {
	for in, want := range map[string]string{
		"QUẬN ỦY KIẾN AN":                     "Quận ủy Kiến An",
		"ỦY BAN NHÂN DÂN TỈNH NGHỆ AN":        "Ủy ban nhân dân tỉnh Nghệ An",
		"ĐẢNG BỘ TP HẢI PHÒNG":                "Đảng bộ TP Hải Phòng",
		"VĂN PHÒNG CHÍNH PHỦ":                 "Văn phòng Chính phủ",
		"BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": "Bộ Lao động - Thương binh và Xã hội",
		"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH":     "Sở Văn hóa, Thể thao và Du lịch",
		"BAN CHẤP HÀNH TRUNG ƯƠNG":            "Ban Chấp hành Trung ương",
		"PHÓ CHỦ TỊCH":                        "Phó Chủ tịch",
	} {
		if got := prettyName(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// National-plan style: a section whose numbered lines are the fields of
// one duty is one task; "Cơ quan chủ trì / phối hợp" lists give the roles
// and every entry of them is kept; "(Giao X chủ trì …)" after a duty.
func TestFieldSections(t *testing.T) {
	dr := mustParse(t, `BAN CHỈ ĐẠO QUỐC GIA 1237
Số: 252/KH-BCĐQG1237
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 20 tháng 3 năm 2014

KẾ HOẠCH
Tổng kết công tác năm 2013

I. MỤC ĐÍCH, YÊU CẦU
Đánh giá kết quả.

II. XÂY DỰNG ĐỀ ÁN TÌM KIẾM HÀI CỐT
1. Nội dung: Xây dựng Đề án tìm kiếm, quy tập hài cốt liệt sĩ.
2. Cơ quan chủ trì: Bộ Quốc phòng.
3. Cơ quan phối hợp: Bộ Lao động - Thương binh và Xã hội, các địa phương.
4. Thời gian thực hiện: Quý IV/2014.

III. TUYÊN TRUYỀN
1. Đẩy mạnh tuyên truyền về công tác tìm kiếm (Giao Bộ Thông tin và Truyền thông chủ trì, phối hợp với Đài Truyền hình Việt Nam).
2. Nhiệm vụ khác:
a) Cơ quan chủ trì: Bộ Nội vụ.
b) Cơ quan phối hợp: Bộ Tài chính.
c) Thời gian: trong năm 2014.
`)
	if got := ordinals(dr); got != "II III.1 III.2" {
		t.Fatalf("ordinals %q", got)
	}
	t2 := taskByOrdinal(dr, "II")
	if roleOf(t2, "Bộ Quốc phòng") != RoleLead || roleOf(t2, "Bộ Lao động - Thương binh và Xã hội") != RoleCoordinate || roleOf(t2, "các địa phương") != RoleCoordinate {
		t.Errorf("II: %+v", t2.Assignments)
	}
	if t2.Deadline.Kind != DeadlineByQuarter || !t2.Deadline.Due.Equal(date("2014-12-31")) {
		t.Errorf("II deadline %+v", t2.Deadline)
	}
	t31 := taskByOrdinal(dr, "III.1")
	if roleOf(t31, "Bộ Thông tin và Truyền thông") != RoleLead || roleOf(t31, "Đài Truyền hình Việt Nam") != RoleCoordinate {
		t.Errorf("III.1: %+v", t31.Assignments)
	}
	t32 := taskByOrdinal(dr, "III.2")
	if roleOf(t32, "Bộ Nội vụ") != RoleLead || roleOf(t32, "Bộ Tài chính") != RoleCoordinate || !t32.Deadline.Due.Equal(date("2014-12-31")) {
		t.Errorf("III.2: %+v %+v", t32.Assignments, t32.Deadline)
	}
}

// Two header columns flattened into one line each: the issuer lines sit in
// front of the Quốc hiệu and the tiêu ngữ, the place and date after the
// number.
func TestFlattenedColumns(t *testing.T) {
	dr := mustParse(t, "UBND TỈNH QUẢNG NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\nSố: 45/SNV-TCBC Quảng Nam, ngày 12 tháng 4 năm 2024\nV/v báo cáo số lượng biên chế năm 2024\n\nKính gửi: UBND các huyện, thị xã, thành phố\n\nĐề nghị UBND các huyện, thị xã, thành phố báo cáo về Sở Nội vụ trước ngày 30/4/2024.\n")
	h := dr.Header
	if h.Issuer.Text != "Sở Nội vụ" || h.Superior.Text != "UBND tỉnh Quảng Nam" {
		t.Errorf("issuer %q superior %q", h.Issuer.Text, h.Superior.Text)
	}
	if h.Symbol.Text != "45/SNV-TCBC" || h.Place.Text != "Quảng Nam" || !h.IssueDate.Equal(date("2024-04-12")) {
		t.Errorf("symbol %q place %q date %v", h.Symbol.Text, h.Place.Text, h.IssueDate)
	}
	if h.Subject.Text != "V/v báo cáo số lượng biên chế năm 2024" {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if len(dr.Duties) != 1 || roleOf(&dr.Duties[0], "UBND các huyện, thị xã, thành phố") != RoleLead || roleOf(&dr.Duties[0], "Sở Nội vụ") != RoleReportTo {
		t.Errorf("duties %+v", dr.Duties)
	}
}

// A central Party directive: "CHỈ THỊ / CỦA BAN BÍ THƯ / về …", T/M with
// the name right under the collective, letter sections and numbered
// headings holding numbered sub-items.
func TestCentralDirective(t *testing.T) {
	dr := mustParse(t, `BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 43-CT/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 8 tháng 6 năm 2010

CHỈ THỊ
CỦA BAN BÍ THƯ
về tăng cường sự lãnh đạo của Đảng đối với công tác
của Hội Chữ thập đỏ Việt Nam trong tình hình mới

Những năm qua, công tác nhân đạo đạt nhiều kết quả.

A. ĐÁNH GIÁ TÌNH HÌNH
Công tác chữ thập đỏ còn hạn chế.

B. NHIỆM VỤ
1. Về công tác tuyên truyền
1.1. Ban Tuyên giáo Trung ương chủ trì tuyên truyền.
1.2. Các tỉnh ủy, thành ủy quán triệt Chỉ thị.
2. Hội Chữ thập đỏ Việt Nam đổi mới nội dung hoạt động.

T/M BAN BÍ THƯ
Trương Tấn Sang
`)
	h := dr.Header
	if h.Issuer.Text != "Ban Chấp hành Trung ương" || h.Superior.Text != "" || h.DocType != DocChiThi || h.ActingBody.Text != "Ban Bí thư" {
		t.Errorf("issuer %q superior %q type %s acting %q", h.Issuer.Text, h.Superior.Text, h.DocType, h.ActingBody.Text)
	}
	if !strings.HasPrefix(h.Subject.Text, "về tăng cường") || !strings.HasSuffix(h.Subject.Text, "trong tình hình mới") {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if got := ordinals(dr); got != "B.1.1 B.1.2 B.2" {
		t.Fatalf("ordinals %q", got)
	}
	if t1 := taskByOrdinal(dr, "B.1.1"); roleOf(t1, "Ban Tuyên giáo Trung ương") != RoleLead || t1.Parent != "B.1" {
		t.Errorf("B.1.1 %+v", t1)
	}
	if s := dr.Signature; s.Authority != "T/M" || s.OnBehalfOf != "Ban Bí thư" || s.Position.Text != "" || s.Name.Text != "Trương Tấn Sang" {
		t.Errorf("signature %+v", s)
	}
}

// A district People's Committee plan saved from a web page: page debris
// above the header, old-style tone marks ("UỶ", "HOÀ"), a title starting
// "Thực hiện …", heading bodies with a colon, "Hằng năm … trước ngày
// 15/12" (yearly), "Đề nghị" to the Front, and a TM. signature with
// "(Đã ký)".
func TestDistrictPlan(t *testing.T) {
	raw, err := os.ReadFile("testdata/district-plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	dr := mustParse(t, string(raw))
	h := dr.Header
	if h.Issuer.Text != "Ủy ban nhân dân huyện Tuy An" || h.Symbol.Text != "156/KH-UBND" || !h.IssueDate.Equal(date("2023-10-05")) {
		t.Errorf("header %q %q %v", h.Issuer.Text, h.Symbol.Text, h.IssueDate)
	}
	if !strings.HasPrefix(h.Subject.Text, "Thực hiện Kế hoạch số 2198/KH-UBND") || !strings.HasSuffix(h.Subject.Text, "Hội Chữ thập đỏ") {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if r := refBySymbol(dr, "2198/KH-UBND"); r == nil || r.Relation != RelImplements {
		t.Errorf("ref %+v", r)
	}
	if got := ordinals(dr); got != "II.1 II.2 II.3 II.4 III" {
		t.Fatalf("ordinals %q", got)
	}
	t1 := taskByOrdinal(dr, "II.1")
	if t1.Heading.Text != "Phòng Văn hóa và Thông tin huyện" || roleOf(t1, "Hội Chữ thập đỏ huyện") != RoleCoordinate || roleOf(t1, "Ủy ban nhân dân huyện Tuy An") != RoleReportTo {
		t.Errorf("II.1 %+v", t1)
	}
	if t1.Deadline.Recurrence != "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15" || t1.Kind != TaskRecurring {
		t.Errorf("II.1 deadline %+v", t1.Deadline)
	}
	t2 := taskByOrdinal(dr, "II.2")
	if roleOf(t2, "Phòng Lao động - Thương binh và Xã hội huyện") != RoleLead || roleOf(t2, "Hội Chữ thập đỏ huyện") != RoleCoordinate {
		t.Errorf("II.2 %+v", t2.Assignments)
	}
	t3 := taskByOrdinal(dr, "II.3")
	if roleOf(t3, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện") != RoleLead || roleOf(t3, "các tổ chức chính trị - xã hội huyện") != RoleLead {
		t.Errorf("II.3 %+v", t3.Assignments)
	}
	if s := dr.Signature; s.Authority != "TM." || s.Position.Text != "Chủ tịch" || s.Name.Text != "Nguyễn Văn Hải" {
		t.Errorf("signature %+v", s)
	}
	if dr.Distribution[0].Kind != KindForReport {
		t.Errorf("distribution %+v", dr.Distribution)
	}
}

// A plan whose duties are rows of a Markdown table in its annex.
func TestTaskTable(t *testing.T) {
	dr := mustParse(t, `ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
Số: 88/KH-UBND
Lạng Sơn, ngày 15 tháng 4 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

Thực hiện Nghị quyết số 57-NQ/TW, UBND tỉnh ban hành Kế hoạch với các nhiệm vụ tại Phụ lục kèm theo.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hồ Tiến Thiệu

PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| I | Hoàn thiện thể chế | | | |
| 1 | Rà soát các văn bản quy phạm pháp luật | Sở Tư pháp | Sở Khoa học và Công nghệ; các sở, ngành liên quan | Quý III/2025 |
| 2 | Xây dựng cơ sở dữ liệu số | Sở Khoa học và Công nghệ | Công an tỉnh, Sở Tài chính | Thường xuyên |
`)
	if got := ordinals(dr); got != "I.1 I.2" {
		t.Fatalf("ordinals %q", got)
	}
	t1 := taskByOrdinal(dr, "I.1")
	if t1.Text.Text != "Rà soát các văn bản quy phạm pháp luật" || roleOf(t1, "Sở Tư pháp") != RoleLead || roleOf(t1, "Sở Khoa học và Công nghệ") != RoleCoordinate || roleOf(t1, "các sở, ngành liên quan") != RoleCoordinate {
		t.Errorf("I.1 %+v", t1)
	}
	if t1.Deadline.Kind != DeadlineByQuarter || !t1.Deadline.Due.Equal(date("2025-09-30")) {
		t.Errorf("I.1 deadline %+v", t1.Deadline)
	}
	t2 := taskByOrdinal(dr, "I.2")
	if roleOf(t2, "Công an tỉnh") != RoleCoordinate || roleOf(t2, "Sở Tài chính") != RoleCoordinate || t2.Kind != TaskContinuous {
		t.Errorf("I.2 %+v", t2)
	}
	if r := refBySymbol(dr, "57-NQ/TW"); r == nil || r.Relation != RelImplements {
		t.Errorf("ref %+v", r)
	}
	if dr.Signature.Name.Text != "Hồ Tiến Thiệu" {
		t.Errorf("signature %+v", dr.Signature)
	}
}

func TestMoreSignaturesAndTitles(t *testing.T) {
	dr := mustParse(t, "SỞ Y TẾ\nSố: 12/KH-SYT\nBình Định, ngày 3 tháng 4 năm 2024\n\nKẾ HOẠCH Tổ chức tháng hành động vì an toàn thực phẩm\n\n1. Phòng Nghiệp vụ Y chủ trì thực hiện.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLÊ QUANG HÙNG\n")
	if dr.Header.DocType != DocKeHoach || dr.Header.Subject.Text != "Tổ chức tháng hành động vì an toàn thực phẩm" {
		t.Errorf("type %s subject %q", dr.Header.DocType, dr.Header.Subject.Text)
	}
	if s := dr.Signature; s.Authority != "KT." || s.Position.Text != "Phó Giám đốc" || s.Name.Text != "Lê Quang Hùng" {
		t.Errorf("signature %+v", s)
	}
	dr = mustParse(t, "Nội dung./.\n\nT/M BAN THƯỜNG VỤ PHÓ BÍ THƯ\nHoàng Văn Nam\n")
	if s := dr.Signature; s.Authority != "T/M" || s.OnBehalfOf != "Ban Thường vụ" || s.Position.Text != "Phó Bí thư" || s.Name.Text != "Hoàng Văn Nam" {
		t.Errorf("one-line signature %+v", s)
	}
}

// A Party notice of conclusions (Thông báo kết luận): the title continues
// the type name, an assessment item is not a task, a heading item with
// a)/b) sub-items is one task, a T/L signature.
func TestPartyNotice(t *testing.T) {
	raw, err := os.ReadFile("testdata/party-notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	dr := mustParse(t, string(raw))
	h := dr.Header
	if h.Issuer.Text != "Tỉnh ủy Bình Phước" || h.Superior.Text != "" || h.DocType != DocThongBao || h.ActingBody.Text != "Ban Thường vụ Tỉnh ủy" {
		t.Errorf("header %q %q %s %q", h.Issuer.Text, h.Superior.Text, h.DocType, h.ActingBody.Text)
	}
	if h.Subject.Text != "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2023" {
		t.Errorf("subject %q", h.Subject.Text)
	}
	if got := ordinals(dr); got != "2 3" {
		t.Fatalf("ordinals %q", got)
	}
	t2 := taskByOrdinal(dr, "2")
	if len(t2.SubItems) != 2 || roleOf(t2, "Ban cán sự đảng UBND tỉnh") != RoleLead || roleOf(t2, "đảng ủy trực thuộc Tỉnh ủy") != RoleLead {
		t.Errorf("2: %+v", t2)
	}
	if !t2.Deadline.Due.Equal(date("2023-12-31")) {
		t.Errorf("2 deadline %+v", t2.Deadline)
	}
	t3 := taskByOrdinal(dr, "3")
	if roleOf(t3, "Văn phòng Tỉnh ủy") != RoleLead || roleOf(t3, "Thường trực Tỉnh ủy") != RoleReportTo || t3.Deadline.Recurrence != "FREQ=MONTHLY;INTERVAL=3" {
		t.Errorf("3: %+v", t3)
	}
	if s := dr.Signature; s.Authority != "T/L" || s.OnBehalfOf != "Ban Thường vụ" || s.Position.Text != "Chánh Văn phòng" {
		t.Errorf("signature %+v", s)
	}
}

// A decision that promulgates an annexed plan: the articles are not
// tasks; the plan's items after the signature are.
func TestDecisionWithAnnex(t *testing.T) {
	dr := mustParse(t, `THỦ TƯỚNG CHÍNH PHỦ
Số: 895/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 26 tháng 7 năm 2023

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư

THỦ TƯỚNG CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Kết luận số 44-KL/TW.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, KGVX.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Trần Hồng Hà

KẾ HOẠCH
Thực hiện Kết luận số 44-KL/TW
(Ban hành kèm theo Quyết định số 895/QĐ-TTg ngày 26 tháng 7 năm 2023 của Thủ tướng Chính phủ)

I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt đầy đủ.

II. NHIỆM VỤ, GIẢI PHÁP
1. Bộ Lao động - Thương binh và Xã hội chủ trì rà soát chính sách, hoàn thành trong năm 2024.
2. Bộ Y tế phối hợp với Trung ương Hội Chữ thập đỏ Việt Nam tổ chức hiến máu.
`)
	if dr.Header.Issuer.Text != "Thủ tướng Chính phủ" || dr.Header.DocType != DocQuyetDinh {
		t.Errorf("header %q %s", dr.Header.Issuer.Text, dr.Header.DocType)
	}
	if got := ordinals(dr); got != "II.1 II.2" {
		t.Fatalf("ordinals %q", got)
	}
	if r := refBySymbol(dr, "44-KL/TW"); r == nil || r.Relation != RelImplements {
		t.Errorf("ref %+v", r)
	}
	if t1 := taskByOrdinal(dr, "II.1"); roleOf(t1, "Bộ Lao động - Thương binh và Xã hội") != RoleLead || !t1.Deadline.Due.Equal(date("2024-12-31")) {
		t.Errorf("II.1 %+v", t1)
	}
	if t2 := taskByOrdinal(dr, "II.2"); roleOf(t2, "Bộ Y tế") != RoleLead || roleOf(t2, "Trung ương Hội Chữ thập đỏ Việt Nam") != RoleCoordinate {
		t.Errorf("II.2 %+v", t2.Assignments)
	}
	if s := dr.Signature; s.Authority != "KT." || s.OnBehalfOf != "Thủ tướng" || s.Position.Text != "Phó Thủ tướng" || s.Name.Text != "Trần Hồng Hà" {
		t.Errorf("signature %+v", s)
	}
}

func TestRelations(t *testing.T) {
	head := "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: %s\nHà Nam, ngày 5 tháng 5 năm 2024\n\n"
	cases := []struct {
		name, doc, sym string
		want           Relation
	}{
		{"responds_to", fmt.Sprintf(head, "120/UBND-NC") + "V/v trả lời Công văn số 45/SNV-TCBC\n\nTrả lời Công văn số 45/SNV-TCBC ngày 02/5/2024 của Sở Nội vụ, UBND tỉnh có ý kiến như sau:\n\n1. Đồng ý.\n", "45/SNV-TCBC", RelRespondsTo},
		{"reports_on", fmt.Sprintf(head, "98/BC-UBND") + "BÁO CÁO\nKết quả thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị\n\nI. KẾT QUẢ\nNội dung.\n", "05-CT/TW", RelReportsOn},
		{"amends", fmt.Sprintf(head, "12/2024/QĐ-UBND") + "QUYẾT ĐỊNH\nSửa đổi, bổ sung một số điều của Quyết định số 15/2021/QĐ-UBND\n\nQUYẾT ĐỊNH:\nĐiều 1. Sửa đổi Điều 3.\n", "15/2021/QĐ-UBND", RelAmends},
		{"supersedes", fmt.Sprintf(head, "13/QĐ-UBND") + "QUYẾT ĐỊNH\nVề việc thành lập Ban Chỉ đạo\n\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Ban Chỉ đạo.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 99/QĐ-UBND ngày 01/02/2020 của UBND tỉnh.\n", "99/QĐ-UBND", RelSupersedes},
		{"based_on", fmt.Sprintf(head, "14/QĐ-UBND") + "QUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n\nQUYẾT ĐỊNH:\nĐiều 1. Giao chỉ tiêu.\n", "30/2020/NĐ-CP", RelBasedOn},
		{"implements", fmt.Sprintf(head, "15/KH-UBND") + "KẾ HOẠCH\nTuyên truyền năm 2024\n\nThực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n\n1. Sở Tư pháp chủ trì.\n", "32/CT-TTg", RelImplements},
		{"cites", fmt.Sprintf(head, "16/KH-UBND") + "KẾ HOẠCH\nTuyên truyền năm 2024\n\n1. Sở Tư pháp tuyên truyền Luật theo Quyết định số 77/QĐ-UBND ngày 01/01/2024.\n", "77/QĐ-UBND", RelCites},
	}
	for _, c := range cases {
		dr := mustParse(t, c.doc)
		r := refBySymbol(dr, c.sym)
		if r == nil || r.Relation != c.want {
			t.Errorf("%s: %+v", c.name, r)
		}
	}
}

// Reordered or damaged headers: the date line after Kính gửi, a symbol
// whose "Số" was lost.
func TestReorderedHeader(t *testing.T) {
	dr := mustParse(t, "HUYỆN ỦY CÔ TÔ\n29-CV/TC-NV\nV/v rà soát hồ sơ đảng viên\n\nKính gửi: Các chi bộ trực thuộc\n\nCô Tô, ngày 14 tháng 8 năm 2024\n\nĐề nghị các chi bộ rà soát hồ sơ, báo cáo về Cơ quan Tổ chức - Nội vụ trước ngày 30/8/2024.\n")
	h := dr.Header
	if h.Symbol.Text != "29-CV/TC-NV" || !hasWarning(dr, "symbol_without_so") {
		t.Errorf("symbol %q warnings %+v", h.Symbol.Text, dr.Warnings)
	}
	if !h.IssueDate.Equal(date("2024-08-14")) || h.Place.Text != "Cô Tô" {
		t.Errorf("date %v place %q", h.IssueDate, h.Place.Text)
	}
	if h.Issuer.Text != "Huyện ủy Cô Tô" || h.Subject.Text != "V/v rà soát hồ sơ đảng viên" {
		t.Errorf("issuer %q subject %q", h.Issuer.Text, h.Subject.Text)
	}
}

func TestFrontSystem(t *testing.T) {
	dr := mustParse(t, "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 367-QĐ/TWĐTN-VP\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 12 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\nVề việc tổ chức Tháng Thanh niên\n")
	if dr.Header.System != SystemFront || dr.Header.Symbol.Text != "367-QĐ/TWĐTN-VP" || dr.Header.DocType != DocQuyetDinh {
		t.Errorf("youth union: %s %q %s", dr.Header.System, dr.Header.Symbol.Text, dr.Header.DocType)
	}
	dr = mustParse(t, "ỦY BAN MTTQ VIỆT NAM\nTỈNH THANH HÓA\nSố: 90/TB-MTTQ-BTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nThanh Hóa, ngày 1 tháng 4 năm 2024\n\nTHÔNG BÁO\nKết luận của Ban Thường trực\n")
	if dr.Header.System != SystemFront || dr.Header.TypeCode.Text != "TB" || dr.Header.Issuer.Text != "Ủy ban MTTQ Việt Nam tỉnh Thanh Hóa" {
		t.Errorf("front: %s %q %q", dr.Header.System, dr.Header.TypeCode.Text, dr.Header.Issuer.Text)
	}
}

func TestClauses(t *testing.T) {
	cases := []struct {
		in   string
		want string // role=name pairs
	}{
		{"Tổ chức thực hiện: Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn.", "lead=Sở Nội vụ coordinate=Sở Tài chính"},
		{"Sở Tài chính: bố trí kinh phí thực hiện.", "lead=Sở Tài chính"},
		{"Các cấp ủy, tổ chức đảng, chính quyền tăng cường lãnh đạo.", "lead=Các cấp ủy lead=tổ chức đảng lead=chính quyền"},
		{"Ủy ban nhân dân quận chỉ đạo Ủy ban nhân dân các phường, các phòng, ban ngành tiếp tục chỉ đạo triển khai.", "lead=Ủy ban nhân dân quận"},
		{"Hội đồng nhân dân quận chủ động phối hợp với Mặt trận Tổ quốc Việt Nam và các cơ quan liên quan giám sát.", "lead=Hội đồng nhân dân quận coordinate=Mặt trận Tổ quốc Việt Nam"},
		{"Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông, Báo Quảng Ninh, Đài Phát thanh và Truyền hình tỉnh tuyên truyền.", "lead=Ban Tuyên giáo Tỉnh ủy coordinate=Sở Thông tin và Truyền thông coordinate=Báo Quảng Ninh coordinate=Đài Phát thanh và Truyền hình tỉnh"},
		{"Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành xây dựng kế hoạch, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy).", "lead=Ban cán sự đảng Ủy ban nhân dân tỉnh report_to=Ban Thường vụ Tỉnh ủy"},
		{"Cơ quan phối hợp: Bộ Tài chính, các bộ, ngành liên quan.", "coordinate=Bộ Tài chính coordinate=các bộ, ngành liên quan"},
		{"Tăng cường tuyên truyền trên Báo Nhân Dân và Đài Tiếng nói Việt Nam.", ""},
	}
	for _, c := range cases {
		d := buildDoc(identity(c.in))
		var as assignSet
		analyze(d, &Draft{}, 0, len(d.t.s), &as)
		var got []string
		for _, a := range as.list {
			got = append(got, string(a.Role)+"="+a.Name)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.in, strings.Join(got, " "), c.want)
		}
	}
}

// The distribution list and the signature read across into one column.
func TestMergedBottomColumns(t *testing.T) {
	dr := mustParse(t, "Nội dung công văn./.\n\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như trên; KT. CHỦ TỊCH\n- TT Tỉnh ủy (b/c); PHÓ CHỦ TỊCH\n- Lưu: VT.\n\nNguyễn Văn An\n")
	s := dr.Signature
	if s.Authority != "KT." || s.OnBehalfOf != "Chủ tịch" || s.Position.Text != "Phó Chủ tịch" || s.Name.Text != "Nguyễn Văn An" || len(s.Formulas) != 2 {
		t.Errorf("signature %+v", s)
	}
	var got []string
	for _, e := range dr.Distribution {
		got = append(got, e.Text.Text+"="+string(e.Kind))
	}
	if strings.Join(got, "|") != "Như trên=addressee|TT Tỉnh ủy (b/c)=for_report|Lưu: VT=archive" {
		t.Errorf("distribution %q", got)
	}
}

// A provincial People's Committee directive: heading bodies with a colon
// and a)/b) duties, "Đề nghị" to the Front, head titles dropped from a
// subject list, report via an intermediary, a closing demand that is not
// part of the last task, and a head signing directly.
func TestProvincialDirective(t *testing.T) {
	raw, err := os.ReadFile("testdata/provincial-directive.txt")
	if err != nil {
		t.Fatal(err)
	}
	dr := mustParse(t, string(raw))
	if dr.Header.DocType != DocChiThi || dr.Header.TypeCode.Text != "CT" {
		t.Errorf("type %s %q", dr.Header.DocType, dr.Header.TypeCode.Text)
	}
	for _, sym := range []string{"31-CT/TU", "134-KH/TU"} {
		if r := refBySymbol(dr, sym); r == nil || r.Relation != RelImplements {
			t.Errorf("%s: %+v", sym, r)
		}
	}
	if got := ordinals(dr); got != "1 2 3 4" {
		t.Fatalf("ordinals %q", got)
	}
	t1 := taskByOrdinal(dr, "1")
	if roleOf(t1, "Công an tỉnh") != RoleLead || roleOf(t1, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh") != RoleCoordinate || t1.Deadline.Kind != DeadlineByQuarter {
		t.Errorf("1: %+v %+v", t1.Assignments, t1.Deadline)
	}
	t4 := taskByOrdinal(dr, "4")
	var names []string
	for _, a := range t4.Assignments {
		names = append(names, string(a.Role)+"="+a.Canonical)
	}
	if strings.Join(names, "|") != "lead=các sở|lead=các ban, ngành|lead=UBND các huyện, thị xã, thành phố|report_to=Ủy ban nhân dân tỉnh Quảng Trị" {
		t.Errorf("4: %q", names)
	}
	if strings.Contains(t4.Text.Text, "nghiêm túc") {
		t.Errorf("the closing demand was taken into task 4")
	}
	if t4.Deadline.Recurrence != "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25" {
		t.Errorf("4 deadline %+v", t4.Deadline)
	}
	if s := dr.Signature; s.Authority != "" || s.Position.Text != "Chủ tịch" || s.Name.Text != "Võ Văn Hưng" {
		t.Errorf("signature %+v", s)
	}
}

func TestParenNumberedItems(t *testing.T) {
	dr := mustParse(t, "Kính gửi: Các phòng, ban chuyên môn\n\n1) Phòng Nội vụ rà soát biên chế.\na) Nội dung một.\n2) Phòng Tài chính - Kế hoạch bố trí kinh phí.\n")
	if got := ordinals(dr); got != "1 2" {
		t.Fatalf("ordinals %q", got)
	}
	if roleOf(taskByOrdinal(dr, "2"), "Phòng Tài chính - Kế hoạch") != RoleLead {
		t.Errorf("2: %+v", taskByOrdinal(dr, "2").Assignments)
	}
}

func TestHeadingPrefixes(t *testing.T) {
	dr := mustParse(t, "III. TỔ CHỨC THỰC HIỆN\n1. Đối với Công an tỉnh\n- Chủ trì, phối hợp với Sở Tư pháp tuyên truyền.\n2. Trách nhiệm của các sở, ban, ngành\n- Xây dựng kế hoạch.\n")
	if got := ordinals(dr); got != "III.1 III.2" {
		t.Fatalf("ordinals %q", got)
	}
	if t1 := taskByOrdinal(dr, "III.1"); roleOf(t1, "Công an tỉnh") != RoleLead || roleOf(t1, "Sở Tư pháp") != RoleCoordinate {
		t.Errorf("III.1 %+v", t1.Assignments)
	}
	if t2 := taskByOrdinal(dr, "III.2"); roleOf(t2, "các sở, ban, ngành") != RoleLead {
		t.Errorf("III.2 %+v", t2.Assignments)
	}
}
