package model

import (
	"fmt"
	"time"
)

// Date is a calendar date as a cadre writes it. Day is 0 for a month-precision
// date (a plan's deadline "2024-12"). The zero Date means "not given".
type Date struct {
	Year, Month, Day int
}

// ParseDate reads YYYY-MM-DD or, with month precision, YYYY-MM. It accepts
// one-digit months and days (2024-3-5) but nothing else: other spellings are
// the loaders' business.
func ParseDate(s string) (Date, error) {
	var d Date
	var rest string
	n, _ := fmt.Sscanf(s, "%d-%d-%d%s", &d.Year, &d.Month, &d.Day, &rest)
	switch {
	case n == 3 && rest == "":
	case n == 2:
		d.Day = 0
		if _, err := fmt.Sscanf(s, "%d-%d%s", &d.Year, &d.Month, &rest); err == nil || rest != "" {
			return Date{}, fmt.Errorf("not a date: %q", s)
		}
	default:
		return Date{}, fmt.Errorf("not a date: %q", s)
	}
	if !validDigits(s) {
		return Date{}, fmt.Errorf("not a date: %q", s)
	}
	if err := d.check(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// validDigits accepts only ASCII digits and hyphens, so that "2024-03-30x" or
// "+2024-03-30" are not taken for dates.
func validDigits(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

func (d Date) check() error {
	if d.Year < 1900 || d.Year > 2999 {
		return fmt.Errorf("year out of range: %d", d.Year)
	}
	if d.Month < 1 || d.Month > 12 {
		return fmt.Errorf("month out of range: %d", d.Month)
	}
	if d.Day != 0 && (d.Day < 1 || d.Day > DaysIn(d.Year, d.Month)) {
		return fmt.Errorf("day out of range: %d", d.Day)
	}
	return nil
}

// DaysIn returns the number of days in a month.
func DaysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// HasDay reports whether the date is precise to the day.
func (d Date) HasDay() bool { return d.Day != 0 }

// YMD returns the parts; the Chinese helpers format anything with this method.
func (d Date) YMD() (year, month, day int) { return d.Year, d.Month, d.Day }

// Time returns midnight UTC of the date (the first of the month for a
// month-precision date).
func (d Date) Time() time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(d.Month), day, 0, 0, 0, 0, time.UTC)
}

// DateOf converts a time to a Date.
func DateOf(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }

// String gives ISO form: 2024-03-30, or 2024-12 for a month.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare orders dates; a month-precision date sorts as its first day.
func (d Date) Compare(e Date) int {
	return d.Time().Compare(e.Time())
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// MonthEnd returns the last day of d's month.
func (d Date) MonthEnd() Date { return Date{d.Year, d.Month, DaysIn(d.Year, d.Month)} }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }
