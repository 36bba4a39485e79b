module termite

go 1.26

require (
	github.com/chzyer/readline v1.5.1
	github.com/fxamacker/cbor/v2 v2.10.0
	github.com/google/go-cmp v0.7.0
)

require (
	github.com/x448/float16 v0.8.4 // indirect
	golang.org/x/sys v0.0.0-20220310020820-b874c991c1a5 // indirect
)
