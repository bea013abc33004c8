package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is one share of a folder's units, for running a batch on several
// machines: Index from 1 to Count. The zero Shard is the whole folder.
//
// A unit belongs to the shard given by a hash of its file name, so that
// every machine computes the same shares from the same folder, each file's
// share never changes when others are added or removed, and the shares are
// near equal in size.
type Shard struct{ Index, Count int }

// ParseShard reads --shard i/n.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(strings.TrimSpace(s), "/")
	a, err1 := strconv.Atoi(strings.TrimSpace(i))
	b, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || b < 1 || a < 1 || a > b {
		return Shard{}, usageError(fmt.Sprintf("--shard 要写成“第几份/共几份”，如 --shard 2/4（从 1 数起），而不是“%s”", s))
	}
	return Shard{Index: a, Count: b}, nil
}

// String gives i/n, or "" for the whole folder.
func (s Shard) String() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Has reports whether the input named name (a base name) is in the share.
func (s Shard) Has(name string) bool {
	if s.Count <= 1 {
		return true
	}
	return shardOf(name, s.Count) == s.Index
}

// shardOf is the share (from 1) of a file name among n.
func shardOf(name string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int(h.Sum64()%uint64(n)) + 1
}
