;; R7RS-small section 6.5: symbols.
(include "lib/check.scm")
(define (written x) (let ((p (open-output-string))) (write x p) (get-output-string p)))

(check 'symbol?-1 (symbol? 'foo) #t)
(check 'symbol?-2 (symbol? (car '(a b))) #t)
(check 'symbol?-3 (symbol? "bar") #f)
(check 'symbol?-4 (symbol? 'nil) #t)
(check 'symbol?-5 (symbol? '()) #f)
(check 'symbol?-6 (symbol? #f) #f)
(check 'symbol=?-1 (symbol=? 'a 'a) #t)
(check 'symbol=?-2 (symbol=? 'a 'b) #f)
(check 'symbol=?-3 (symbol=? 'a 'a 'a) #t)
(check 'symbol=?-4 (symbol=? 'a 'a 'b) #f)
(check 'symbol->string-1 (symbol->string 'flying-fish) "flying-fish")
(check 'symbol->string-case (symbol->string 'Martin) "Martin")
(check 'symbol->string-roundtrip (symbol->string (string->symbol "Malvina")) "Malvina")
(check 'string->symbol-1 (string->symbol "mISSISSIppi") 'mISSISSIppi)
(check 'string->symbol-eq (eq? 'bitBlt (string->symbol "bitBlt")) #t)
(check 'string->symbol-roundtrip (eq? 'LolliPop (string->symbol (symbol->string 'LolliPop))) #t)
(check 'string->symbol-odd-chars
       (string=? "K. Harper, M.D." (symbol->string (string->symbol "K. Harper, M.D.")))
       #t)
(check 'case-sensitive (eq? 'abc 'ABC) #f)
(check 'interned (eq? (string->symbol "x-y") (string->symbol (string #\x #\- #\y))) #t)
(check 'vertical-bar-syntax (symbol->string '|foo bar|) "foo bar")
(check 'vertical-bar-same-symbol (eq? '|abc| 'abc) #t)
(check 'vertical-bar-hex-escape (symbol->string '|a\x41;b|) "aAb")
(check 'vertical-bar-empty (symbol->string '||) "")
(check 'peculiar-identifiers
       (map symbol? '(+ - ... ->x +soup+ <=? a.b !$%&*/:<=>?^_~ a34kTMNs lambda q V17a
                      the-word-recursion-has-many-meanings))
       '(#t #t #t #t #t #t #t #t #t #t #t #t #t))
(check 'peculiar-names (map symbol->string '(+ - ... ->x)) '("+" "-" "..." "->x"))
(check 'write-plain-symbol (written 'abc) "abc")
(check 'write-symbol-with-space (written (string->symbol "hello world")) "|hello world|")
(check 'write-empty-symbol (written (string->symbol "")) "||")
(check 'write-symbol-roundtrip
       (map (lambda (s)
              (let ((sym (string->symbol s)))
                (eq? sym (read (open-input-string (written sym))))))
            '("a b" "" "1" "x|y" "(" "#foo" "." "ABC"))
       '(#t #t #t #t #t #t #t #t))
(check 'display-symbol-no-bars
       (let ((p (open-output-string))) (display (string->symbol "a b") p) (get-output-string p))
       "a b")
(check 'symbol->string-of-string->symbol-fresh-eq
       (string=? (symbol->string 'abc) "abc")
       #t)

;; #!fold-case / #!no-fold-case directives (2.1)
#!fold-case
(check 'fold-case-directive (eq? 'ABC 'abc) #t)
#!no-fold-case
(check 'no-fold-case-directive (eq? 'ABC 'abc) #f)
