// Package model defines huibao's input data, version 1: what a cadre enters
// about a union's half-year, and the closed vocabularies (categories, units,
// spans, union types) that reports are written from.
//
// Fields is the one table of the input's fields — path, Chinese label, kind,
// required or not, vocabulary — built from these types; the loader's
// messages, the 填报表, the JSON Schema (input.schema.json, generated from it
// by the package's tests) and the template author's reference all read it.
package model

import "github.com/shopspring/decimal"

// Version is the input format version this package reads.
const Version = 1

// Report is one union's data for one period: the root of an input file.
// Templates see it as the dot: {{ .Org.Name }}, {{ .Membership.Members }}.
type Report struct {
	Version    int         `yaml:"version"`
	Org        Org         `yaml:"org"`
	Period     Period      `yaml:"period"`
	Report     ReportInfo  `yaml:"report"`
	Membership Membership  `yaml:"membership"`
	Indicators []Indicator `yaml:"indicators"`
	Activities []Activity  `yaml:"activities"`
	Problems   []string    `yaml:"problems"`
	Plans      []Plan      `yaml:"plans"`
}

// Org is the reporting union.
type Org struct {
	Name     string    `yaml:"name"`     // 柳背桥社区工会; required
	Type     string    `yaml:"type"`     // one of OrgTypes
	Parent   string    `yaml:"parent"`   // superior union, optional
	Party    string    `yaml:"party"`    // the Party organisation leading the union (社区党委), optional
	Leader   Person    `yaml:"leader"`   // optional
	Overview []Measure `yaml:"overview"` // optional facts for briefings
}

// Person is a named office holder.
type Person struct {
	Title string `yaml:"title"` // 工会主席
	Name  string `yaml:"name"`
}

// Measure is a named quantity with a unit: 辖区面积 0.32 平方公里.
type Measure struct {
	Name  string          `yaml:"name"`
	Value decimal.Decimal `yaml:"value"`
	Unit  string          `yaml:"unit"`
}

// ReportInfo carries facts about the document itself.
type ReportInfo struct {
	Template string `yaml:"template"` // template id or Chinese name; optional when -t is given
	Date     Date   `yaml:"date"`     // 成文日期; zero means the period's end
	Title    string `yaml:"title"`    // overrides the template's title when set
}

// Membership holds members and dues for the period.
type Membership struct {
	Members       int             `yaml:"members"`        // 在册会员
	DuesPaying    int             `yaml:"dues_paying"`    // 缴费会员, ≤ Members
	DuesCollected decimal.Decimal `yaml:"dues_collected"` // 元
	NewMembers    int             `yaml:"new_members"`    // optional
	Previous      *MembershipBase `yaml:"previous"`       // same span last year; optional
}

// MembershipBase is the comparable part of Membership, for last year's figures.
type MembershipBase struct {
	Members       int             `yaml:"members"`
	DuesPaying    int             `yaml:"dues_paying"`
	DuesCollected decimal.Decimal `yaml:"dues_collected"`
}

// Indicator is a figure a report quotes: 推荐就业 5 人次, with last year's
// value when the cadre has it.
type Indicator struct {
	Name     string           `yaml:"name"`
	Value    decimal.Decimal  `yaml:"value"`
	Unit     string           `yaml:"unit"`
	Previous *decimal.Decimal `yaml:"previous"` // nil: not known, so no 同比 sentence
	Category string           `yaml:"category"` // optional; one of Categories
}

// Activity is one dated piece of work.
type Activity struct {
	Date         Date            `yaml:"date"`
	EndDate      Date            `yaml:"end_date"` // optional, for spans
	Title        string          `yaml:"title"`
	Category     string          `yaml:"category"`
	Location     string          `yaml:"location"`
	Participants int             `yaml:"participants"`
	Content      string          `yaml:"content"`
	Result       string          `yaml:"result"`
	Cost         decimal.Decimal `yaml:"cost"` // 元; optional
	// Organizer is the unit that ran the activity when it is not the
	// reporting union — a community's work in its street's report; optional.
	Organizer string `yaml:"organizer"`
	// Beneficiary, Beneficiaries and BeneficiaryUnit say whom the activity
	// served and how many, apart from those who took part: a visit by 12
	// cadres to 23户困难职工 has 12 participants and 23 beneficiaries in
	// 户. The unit defaults to 人; all three are optional.
	Beneficiary     string `yaml:"beneficiary"`
	Beneficiaries   int    `yaml:"beneficiaries"`
	BeneficiaryUnit string `yaml:"beneficiary_unit"`
	// Typical marks an activity the cadre wants told in full as a typical
	// case when a report summarises its category.
	Typical bool `yaml:"typical"`
}

// Plan is one item of next period's work.
type Plan struct {
	Category string `yaml:"category"`
	Item     string `yaml:"item"`
	Target   string `yaml:"target"`
	Deadline Date   `yaml:"deadline"` // day or month precision
}
