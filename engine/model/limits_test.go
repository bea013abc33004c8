package model_test

import (
	"slices"
	"testing"

	"github.com/huibao/huibao/engine/model"
)

// TestLimits: every text has a length limit and every list a count limit,
// so that nothing a cadre types is unbounded.
func TestLimits(t *testing.T) {
	for _, f := range model.Fields() {
		l := model.LimitOf(f.Path)
		switch f.Kind {
		case model.KindText:
			if l.Chars <= 0 {
				t.Errorf("%s: text without a length limit", f.Path)
			}
		case model.KindTextList:
			if l.Chars <= 0 || l.Items <= 0 {
				t.Errorf("%s: text list without a length or count limit", f.Path)
			}
		case model.KindList:
			if l.Items <= 0 {
				t.Errorf("%s: list without a count limit", f.Path)
			}
		}
	}
}

// TestTexts: Texts yields every text of a report with the path the loaders
// and validation use.
func TestTexts(t *testing.T) {
	r := &model.Report{
		Org:        model.Org{Name: "甲", Overview: []model.Measure{{Name: "乙", Unit: "人"}}},
		Activities: []model.Activity{{Title: "丙"}, {Content: "丁"}},
		Problems:   []string{"戊"},
	}
	var got []string
	for tx := range model.Texts(r) {
		if tx.Value != "" {
			got = append(got, tx.Path+"="+tx.Value)
		}
	}
	want := []string{"org.name=甲", "org.overview[1].name=乙", "org.overview[1].unit=人", "activities[1].title=丙", "activities[2].content=丁", "problems[1]=戊"}
	if !slices.Equal(got, want) {
		t.Errorf("Texts:\n got %q\nwant %q", got, want)
	}
}
