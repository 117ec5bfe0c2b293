package interp

// complete is a placeholder until completion lands.
func (s *Session) complete(code string, cursor int) ([]string, int, int, map[string]any) {
	return nil, cursor, cursor, nil
}

// inspect is a placeholder until inspection lands.
func (s *Session) inspect(code string, cursor, detail int) (map[string]any, bool) {
	return nil, false
}
