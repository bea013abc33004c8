package markdown

import "fmt"

// Error is a problem in a Markdown source at a 1-based line and column.
// Its message is Chinese: the cadre or template author reads it.
type Error struct {
	Line, Col int
	Msg       string
}

// Error gives "line:col: message", ready to be prefixed by a file name.
func (e *Error) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%d: %s", e.Line, e.Msg)
}
