// Package status derives where a task or an assignment stands. Status is
// never typed in: it follows from the due date, the completion date and
// cancellation, in the categories of Vietnamese government task tracking
// (DOMAIN.md §5.4).
package status

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// Status is one of the derived categories.
type Status string

// The statuses. The first four are the official split; the last three keep
// undated and cancelled work apart so dashboards can reproduce it.
const (
	CompletedOnTime  Status = "COMPLETED_ON_TIME"
	CompletedLate    Status = "COMPLETED_LATE"
	InProgressOnTime Status = "IN_PROGRESS_ON_TIME"
	Overdue          Status = "OVERDUE"
	Completed        Status = "COMPLETED"
	InProgress       Status = "IN_PROGRESS"
	Cancelled        Status = "CANCELLED"
)

// Zone is Vietnam's time (UTC+7, no daylight saving). Deadlines are days in
// this zone, whatever the zone of the stored instant.
var Zone = time.FixedZone("ICT", 7*60*60)

// Today is the current day in Vietnam.
func Today() time.Time { return day(time.Now()) }

// Of derives the status on day asOf of work due on due (nil: no due date),
// completed at completed (nil: open). A due day counts as within the
// deadline: work completed on it is on time.
func Of(due, completed *time.Time, cancelled bool, asOf time.Time) Status {
	switch {
	case cancelled:
		return Cancelled
	case completed != nil:
		if due == nil {
			return Completed
		}
		if !day(*completed).After(day(*due)) {
			return CompletedOnTime
		}
		return CompletedLate
	case due == nil:
		return InProgress
	case !day(asOf).After(day(*due)):
		return InProgressOnTime
	default:
		return Overdue
	}
}

// day truncates an instant to its calendar day in Vietnam.
func day(t time.Time) time.Time {
	t = t.In(Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// MarshalGQL writes the status as a GraphQL enum value.
func (s Status) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

// UnmarshalGQL reads a GraphQL enum value.
func (s *Status) UnmarshalGQL(v any) error {
	str, ok := v.(string)
	if !ok {
		return fmt.Errorf("task status must be a string, got %T", v)
	}
	switch Status(str) {
	case CompletedOnTime, CompletedLate, InProgressOnTime, Overdue, Completed, InProgress, Cancelled:
		*s = Status(str)
		return nil
	}
	return fmt.Errorf("%q is not a task status", str)
}
