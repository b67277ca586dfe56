// Command floatfmt prints how Go formats float64 values, as test data for GoFloatFormatTest.
//
// Regenerate (from the repository root; Go 1.19 is the toolchain of the reference Pushgateway):
//
//	go run ./src/test/go/floatfmt > src/test/resources/io/pushgateway/gocompat/go-float-format.tsv
//
// Lines "d <bits hex> <%g shortest> <%v> <%f shortest or ->" describe a double; lines
// "u <uint64> <%g shortest of float64(uint64)>" describe Go's uint64 to float64 conversion.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func main() {
	r := rand.New(rand.NewSource(20240611))
	var vals []float64
	fixed := []float64{
		0, math.Copysign(0, -1), 1, -1, 1e3, .5, 5, 1.0000000000000002, 123456789012345678,
		0.000001, 1e-7, 1e20, 1e21, 518984, 1446098, 1194991616, 1.7954761882491562e+09,
		2398.283, 1e-5, 1e-4, 99999.99, 999999, 1e6, 999999.5, 100000, 123456, 1234567,
		math.SmallestNonzeroFloat64, math.MaxFloat64, 5e-324, 0.1 + 0.2, 0.1, 0.2, 0.3,
		math.NaN(), math.Inf(1), math.Inf(-1), 1e100, 1e-100, 1e-308, 2.2250738585072014e-308,
		2.225073858507201e-308, 1e308, 1e22, 1e23, 9007199254740992, 9007199254740993,
		18446744073709551615, 9.223372036854776e18, 0.00001234, 0.0001234, 12345.678,
		-2.5, -0.001, 3.14, 1.5e-07, 0.2721322309989773, 4.35, 4.5e15, 1e15, 1e16, 1e17,
		1141887453373170.75, 1141887453373170.25, // ties between two shortest candidates
	}
	vals = append(vals, fixed...)
	for e := -1074; e <= 1023; e += 7 {
		p := math.Ldexp(1, e)
		vals = append(vals, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
	}
	for e := -325; e <= 308; e++ {
		p, _ := strconv.ParseFloat("1e"+strconv.Itoa(e), 64)
		vals = append(vals, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
	}
	for i := 1; i <= 300; i++ {
		vals = append(vals, math.Float64frombits(uint64(i)))
		vals = append(vals, math.Float64frombits(uint64(r.Int63n(1<<52))))
	}
	for i := 0; i < 1500; i++ {
		f := math.Float64frombits(r.Uint64())
		if math.IsNaN(f) {
			continue
		}
		vals = append(vals, f)
	}
	for i := 0; i < 1500; i++ {
		digits := r.Int63n(int64(math.Pow10(1 + r.Intn(9))))
		s := strconv.FormatInt(digits, 10) + "e" + strconv.Itoa(r.Intn(50)-25)
		f, _ := strconv.ParseFloat(s, 64)
		if r.Intn(2) == 0 {
			f = -f
		}
		vals = append(vals, f)
	}
	for i := 0; i < 600; i++ {
		vals = append(vals, float64(r.Int63n(int64(math.Pow10(1+r.Intn(18))))))
		vals = append(vals, r.Float64()*math.Pow10(r.Intn(24)-12))
	}
	for _, f := range vals {
		fs := strconv.FormatFloat(f, 'f', -1, 64)
		if len(fs) > 64 {
			fs = "-"
		}
		fmt.Printf("d %016x %s %v %s\n", math.Float64bits(f), strconv.FormatFloat(f, 'g', -1, 64), f, fs)
	}
	us := []uint64{0, 1, 1<<53 - 1, 1 << 53, 1<<53 + 1, 1<<63 - 1, 1 << 63, 1<<63 + 1, 1<<64 - 1, 1<<64 - 1024, 1<<64 - 1025, 1<<64 - 2048, 1<<64 - 3072}
	for i := 0; i < 300; i++ {
		us = append(us, r.Uint64(), r.Uint64()>>uint(r.Intn(64)), 1<<63+uint64(r.Intn(4096)), 1<<53+uint64(r.Intn(64)))
	}
	for _, u := range us {
		fmt.Printf("u %d %s\n", u, strconv.FormatFloat(float64(u), 'g', -1, 64))
	}
}
