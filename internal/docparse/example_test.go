package docparse_test

import (
	"fmt"

	"github.com/chidao/chidao/internal/docparse"
)

func ExampleParse() {
	text := `ĐẢNG BỘ TỈNH NINH BÌNH
ĐẢNG ỦY XÃ GIA VIỄN
*
Số 219-CV/ĐU
V/v tổ chức sơ kết Chỉ thị số 05-CT/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Gia Viễn, ngày 02 tháng 6 năm 2025

Kính gửi: Các chi bộ trực thuộc Đảng ủy

1. Các chi bộ tổ chức sơ kết, báo cáo Ban Thường vụ Đảng ủy trước ngày 20/6/2025.
2. Văn phòng Đảng ủy chủ trì, phối hợp với Ban Tuyên giáo Đảng ủy tổng hợp.

T/M ĐẢNG ỦY
BÍ THƯ

Lê Văn Cường
`
	dr, err := docparse.Parse([]byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	h := dr.Header
	fmt.Println(h.Symbol.Text, h.System, h.DocType, h.IssueDate.Format("2006-01-02"))
	fmt.Println(h.Superior.Text, "/", h.Issuer.Text)
	fmt.Println(h.Subject.Text)
	for _, r := range dr.References {
		fmt.Println("ref", r.Symbol.Text, r.Relation)
	}
	for _, t := range dr.Tasks {
		fmt.Print("task ", t.Ordinal, " ", t.Deadline.Kind)
		if t.Deadline.Due != nil {
			fmt.Print(" ", t.Deadline.Due.Format("2006-01-02"))
		}
		fmt.Println()
		for _, a := range t.Assignments {
			fmt.Println("  ", a.Role, a.Name)
		}
	}
	s := dr.Signature
	fmt.Println(s.Authority, s.OnBehalfOf, "/", s.Position.Text, "/", s.Name.Text)
	// The span of a value points into the input:
	fmt.Println(text[h.Symbol.Span.Start:h.Symbol.Span.End])
	// Output:
	// 219-CV/ĐU PARTY CONG_VAN 2025-06-02
	// Đảng bộ tỉnh Ninh Bình / Đảng ủy xã Gia Viễn
	// V/v tổ chức sơ kết Chỉ thị số 05-CT/TW
	// ref 05-CT/TW implements
	// task 1 EXACT_DATE 2025-06-20
	//    lead Các chi bộ
	//    report_to Ban Thường vụ Đảng ủy
	// task 2 NONE
	//    lead Văn phòng Đảng ủy
	//    coordinate Ban Tuyên giáo Đảng ủy
	// T/M Đảng ủy / Bí thư / Lê Văn Cường
	// 219-CV/ĐU
}
