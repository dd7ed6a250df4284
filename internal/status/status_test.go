package status

import (
	"testing"
	"time"
)

func TestOf(t *testing.T) {
	d := func(s string) *time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	due := d("2023-03-31T00:00:00Z")
	tests := []struct {
		name      string
		due, done *time.Time
		cancelled bool
		asOf      string
		want      Status
	}{
		{"cancelled wins", due, d("2023-03-01T00:00:00Z"), true, "2023-04-10T00:00:00Z", Cancelled},
		{"done before due", due, d("2023-03-20T10:00:00Z"), false, "2023-04-10T00:00:00Z", CompletedOnTime},
		{"done on the due day is on time", due, d("2023-03-31T16:59:00Z"), false, "2023-04-10T00:00:00Z", CompletedOnTime},
		{"done the next day in Vietnam is late", due, d("2023-03-31T17:30:00Z"), false, "2023-04-10T00:00:00Z", CompletedLate},
		{"done without due", nil, d("2023-03-20T00:00:00Z"), false, "2023-04-10T00:00:00Z", Completed},
		{"open within deadline", due, nil, false, "2023-03-31T12:00:00Z", InProgressOnTime},
		{"open past deadline", due, nil, false, "2023-04-01T00:00:00Z", Overdue},
		{"open without due", nil, nil, false, "2030-01-01T00:00:00Z", InProgress},
		{"due given in Vietnam time", d("2023-03-31T00:00:00+07:00"), nil, false, "2023-03-31T15:00:00Z", InProgressOnTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.due, tt.done, tt.cancelled, *d(tt.asOf)); got != tt.want {
				t.Fatalf("Of() = %s, want %s", got, tt.want)
			}
		})
	}
}
