# Large module and function bodies: their statements are split into C chunk
# functions (src/cgen/chunks.c, docs/compile-scaling.md).  Globals, locals,
# cells, del, loops with break/continue, exceptions and tracebacks across chunks.
import sys

total = 0
g0 = 0 * 3 + total
total += g0 % 7
g1 = 1 * 3 + total
total += g1 % 7
g2 = 2 * 3 + total
total += g2 % 7
g3 = 3 * 3 + total
total += g3 % 7
g4 = 4 * 3 + total
total += g4 % 7
g5 = 5 * 3 + total
total += g5 % 7
g6 = 6 * 3 + total
total += g6 % 7
g7 = 7 * 3 + total
total += g7 % 7
g8 = 8 * 3 + total
total += g8 % 7
g9 = 9 * 3 + total
total += g9 % 7
g10 = 10 * 3 + total
total += g10 % 7
g11 = 11 * 3 + total
total += g11 % 7
g12 = 12 * 3 + total
total += g12 % 7
g13 = 13 * 3 + total
total += g13 % 7
g14 = 14 * 3 + total
total += g14 % 7
g15 = 15 * 3 + total
total += g15 % 7
g16 = 16 * 3 + total
total += g16 % 7
g17 = 17 * 3 + total
total += g17 % 7
g18 = 18 * 3 + total
total += g18 % 7
g19 = 19 * 3 + total
total += g19 % 7
g20 = 20 * 3 + total
total += g20 % 7
g21 = 21 * 3 + total
total += g21 % 7
g22 = 22 * 3 + total
total += g22 % 7
g23 = 23 * 3 + total
total += g23 % 7
g24 = 24 * 3 + total
total += g24 % 7
g25 = 25 * 3 + total
total += g25 % 7
g26 = 26 * 3 + total
total += g26 % 7
g27 = 27 * 3 + total
total += g27 % 7
g28 = 28 * 3 + total
total += g28 % 7
g29 = 29 * 3 + total
total += g29 % 7
g30 = 30 * 3 + total
total += g30 % 7
g31 = 31 * 3 + total
total += g31 % 7
g32 = 32 * 3 + total
total += g32 % 7
g33 = 33 * 3 + total
total += g33 % 7
g34 = 34 * 3 + total
total += g34 % 7
g35 = 35 * 3 + total
total += g35 % 7
g36 = 36 * 3 + total
total += g36 % 7
g37 = 37 * 3 + total
total += g37 % 7
g38 = 38 * 3 + total
total += g38 % 7
g39 = 39 * 3 + total
total += g39 % 7
g40 = 40 * 3 + total
total += g40 % 7
g41 = 41 * 3 + total
total += g41 % 7
g42 = 42 * 3 + total
total += g42 % 7
g43 = 43 * 3 + total
total += g43 % 7
g44 = 44 * 3 + total
total += g44 % 7
g45 = 45 * 3 + total
total += g45 % 7
g46 = 46 * 3 + total
total += g46 % 7
g47 = 47 * 3 + total
total += g47 % 7
g48 = 48 * 3 + total
total += g48 % 7
g49 = 49 * 3 + total
total += g49 % 7
g50 = 50 * 3 + total
total += g50 % 7
g51 = 51 * 3 + total
total += g51 % 7
g52 = 52 * 3 + total
total += g52 % 7
g53 = 53 * 3 + total
total += g53 % 7
g54 = 54 * 3 + total
total += g54 % 7
g55 = 55 * 3 + total
total += g55 % 7
g56 = 56 * 3 + total
total += g56 % 7
g57 = 57 * 3 + total
total += g57 % 7
g58 = 58 * 3 + total
total += g58 % 7
g59 = 59 * 3 + total
total += g59 % 7
print('module part 1', total, g59)
del g10
try:
    print(g10)
except NameError as e:
    print('deleted global:', e)
if g11 % 2:
    total += 0
else:
    total -= 0
if g12 % 2:
    total += 1
else:
    total -= 0
if g13 % 2:
    total += 2
else:
    total -= 1
if g14 % 2:
    total += 3
else:
    total -= 1
if g15 % 2:
    total += 4
else:
    total -= 2
if g16 % 2:
    total += 5
else:
    total -= 2
if g17 % 2:
    total += 6
else:
    total -= 3
if g18 % 2:
    total += 7
else:
    total -= 3
if g19 % 2:
    total += 8
else:
    total -= 4
if g20 % 2:
    total += 9
else:
    total -= 4
if g21 % 2:
    total += 10
else:
    total -= 5
if g22 % 2:
    total += 11
else:
    total -= 5
if g23 % 2:
    total += 12
else:
    total -= 6
if g24 % 2:
    total += 13
else:
    total -= 6
if g25 % 2:
    total += 14
else:
    total -= 7
if g26 % 2:
    total += 15
else:
    total -= 7
if g27 % 2:
    total += 16
else:
    total -= 8
if g28 % 2:
    total += 17
else:
    total -= 8
if g29 % 2:
    total += 18
else:
    total -= 9
if g30 % 2:
    total += 19
else:
    total -= 9
if g31 % 2:
    total += 20
else:
    total -= 10
if g32 % 2:
    total += 21
else:
    total -= 10
if g33 % 2:
    total += 22
else:
    total -= 11
if g34 % 2:
    total += 23
else:
    total -= 11
if g35 % 2:
    total += 24
else:
    total -= 12
if g36 % 2:
    total += 25
else:
    total -= 12
if g37 % 2:
    total += 26
else:
    total -= 13
if g38 % 2:
    total += 27
else:
    total -= 13
if g39 % 2:
    total += 28
else:
    total -= 14
if g40 % 2:
    total += 29
else:
    total -= 14
if g41 % 2:
    total += 30
else:
    total -= 15
if g42 % 2:
    total += 31
else:
    total -= 15
if g43 % 2:
    total += 32
else:
    total -= 16
if g44 % 2:
    total += 33
else:
    total -= 16
if g45 % 2:
    total += 34
else:
    total -= 17
if g46 % 2:
    total += 35
else:
    total -= 17
if g47 % 2:
    total += 36
else:
    total -= 18
if g48 % 2:
    total += 37
else:
    total -= 18
if g49 % 2:
    total += 38
else:
    total -= 19
if g50 % 2:
    total += 39
else:
    total -= 19
print('module part 2', total)

def big(n):
    acc = []
    cell = n
    def get():
        return cell
    v0 = n + 0
    acc.append(v0 * 2)
    cell = cell + 0
    v1 = n + 1
    v2 = n + 2
    v3 = n + 3
    v4 = n + 4
    v5 = n + 5
    v6 = n + 6
    v7 = n + 7
    v8 = n + 8
    v9 = n + 9
    v10 = n + 10
    acc.append(v10 * 2)
    v11 = n + 11
    v12 = n + 12
    v13 = n + 13
    v14 = n + 14
    v15 = n + 15
    v16 = n + 16
    v17 = n + 17
    v18 = n + 18
    v19 = n + 19
    v20 = n + 20
    acc.append(v20 * 2)
    v21 = n + 21
    v22 = n + 22
    v23 = n + 23
    v24 = n + 24
    v25 = n + 25
    cell = cell + 25
    v26 = n + 26
    v27 = n + 27
    v28 = n + 28
    v29 = n + 29
    v30 = n + 30
    acc.append(v30 * 2)
    v31 = n + 31
    v32 = n + 32
    v33 = n + 33
    v34 = n + 34
    v35 = n + 35
    v36 = n + 36
    v37 = n + 37
    v38 = n + 38
    v39 = n + 39
    v40 = n + 40
    acc.append(v40 * 2)
    v41 = n + 41
    v42 = n + 42
    v43 = n + 43
    v44 = n + 44
    v45 = n + 45
    v46 = n + 46
    v47 = n + 47
    v48 = n + 48
    v49 = n + 49
    v50 = n + 50
    acc.append(v50 * 2)
    cell = cell + 50
    v51 = n + 51
    v52 = n + 52
    v53 = n + 53
    v54 = n + 54
    v55 = n + 55
    v56 = n + 56
    v57 = n + 57
    v58 = n + 58
    v59 = n + 59
    v60 = n + 60
    acc.append(v60 * 2)
    v61 = n + 61
    v62 = n + 62
    v63 = n + 63
    v64 = n + 64
    v65 = n + 65
    v66 = n + 66
    v67 = n + 67
    v68 = n + 68
    v69 = n + 69
    v70 = n + 70
    acc.append(v70 * 2)
    v71 = n + 71
    v72 = n + 72
    v73 = n + 73
    v74 = n + 74
    v75 = n + 75
    cell = cell + 75
    v76 = n + 76
    v77 = n + 77
    v78 = n + 78
    v79 = n + 79
    v80 = n + 80
    acc.append(v80 * 2)
    v81 = n + 81
    v82 = n + 82
    v83 = n + 83
    v84 = n + 84
    v85 = n + 85
    v86 = n + 86
    v87 = n + 87
    v88 = n + 88
    v89 = n + 89
    v90 = n + 90
    acc.append(v90 * 2)
    v91 = n + 91
    v92 = n + 92
    v93 = n + 93
    v94 = n + 94
    v95 = n + 95
    v96 = n + 96
    v97 = n + 97
    v98 = n + 98
    v99 = n + 99
    v100 = n + 100
    acc.append(v100 * 2)
    cell = cell + 100
    v101 = n + 101
    v102 = n + 102
    v103 = n + 103
    v104 = n + 104
    v105 = n + 105
    v106 = n + 106
    v107 = n + 107
    v108 = n + 108
    v109 = n + 109
    v110 = n + 110
    acc.append(v110 * 2)
    v111 = n + 111
    v112 = n + 112
    v113 = n + 113
    v114 = n + 114
    v115 = n + 115
    v116 = n + 116
    v117 = n + 117
    v118 = n + 118
    v119 = n + 119
    v120 = n + 120
    acc.append(v120 * 2)
    v121 = n + 121
    v122 = n + 122
    v123 = n + 123
    v124 = n + 124
    v125 = n + 125
    cell = cell + 125
    v126 = n + 126
    v127 = n + 127
    v128 = n + 128
    v129 = n + 129
    v130 = n + 130
    acc.append(v130 * 2)
    v131 = n + 131
    v132 = n + 132
    v133 = n + 133
    v134 = n + 134
    v135 = n + 135
    v136 = n + 136
    v137 = n + 137
    v138 = n + 138
    v139 = n + 139
    v140 = n + 140
    acc.append(v140 * 2)
    v141 = n + 141
    v142 = n + 142
    v143 = n + 143
    v144 = n + 144
    v145 = n + 145
    v146 = n + 146
    v147 = n + 147
    v148 = n + 148
    v149 = n + 149
    v150 = n + 150
    acc.append(v150 * 2)
    cell = cell + 150
    v151 = n + 151
    v152 = n + 152
    v153 = n + 153
    v154 = n + 154
    v155 = n + 155
    v156 = n + 156
    v157 = n + 157
    v158 = n + 158
    v159 = n + 159
    v160 = n + 160
    acc.append(v160 * 2)
    v161 = n + 161
    v162 = n + 162
    v163 = n + 163
    v164 = n + 164
    v165 = n + 165
    v166 = n + 166
    v167 = n + 167
    v168 = n + 168
    v169 = n + 169
    v170 = n + 170
    acc.append(v170 * 2)
    v171 = n + 171
    v172 = n + 172
    v173 = n + 173
    v174 = n + 174
    v175 = n + 175
    cell = cell + 175
    v176 = n + 176
    v177 = n + 177
    v178 = n + 178
    v179 = n + 179
    v180 = n + 180
    acc.append(v180 * 2)
    v181 = n + 181
    v182 = n + 182
    v183 = n + 183
    v184 = n + 184
    v185 = n + 185
    v186 = n + 186
    v187 = n + 187
    v188 = n + 188
    v189 = n + 189
    v190 = n + 190
    acc.append(v190 * 2)
    v191 = n + 191
    v192 = n + 192
    v193 = n + 193
    v194 = n + 194
    v195 = n + 195
    v196 = n + 196
    v197 = n + 197
    v198 = n + 198
    v199 = n + 199
    v200 = n + 200
    acc.append(v200 * 2)
    cell = cell + 200
    v201 = n + 201
    v202 = n + 202
    v203 = n + 203
    v204 = n + 204
    v205 = n + 205
    v206 = n + 206
    v207 = n + 207
    v208 = n + 208
    v209 = n + 209
    v210 = n + 210
    acc.append(v210 * 2)
    v211 = n + 211
    v212 = n + 212
    v213 = n + 213
    v214 = n + 214
    v215 = n + 215
    v216 = n + 216
    v217 = n + 217
    v218 = n + 218
    v219 = n + 219
    v220 = n + 220
    acc.append(v220 * 2)
    v221 = n + 221
    v222 = n + 222
    v223 = n + 223
    v224 = n + 224
    v225 = n + 225
    cell = cell + 225
    v226 = n + 226
    v227 = n + 227
    v228 = n + 228
    v229 = n + 229
    del v3
    try:
        print(v3)
    except UnboundLocalError as e:
        print('unbound:', e)
    for k in range(5):
        v4 += k
        v5 += k
        v6 += k
        v7 += k
        v8 += k
        v9 += k
        v10 += k
        v11 += k
        v12 += k
        v13 += k
        v14 += k
        v15 += k
        v16 += k
        v17 += k
        v18 += k
        v19 += k
        v20 += k
        v21 += k
        v22 += k
        v23 += k
        v24 += k
        v25 += k
        v26 += k
        v27 += k
        v28 += k
        v29 += k
        v30 += k
        v31 += k
        v32 += k
        v33 += k
        v34 += k
        v35 += k
        v36 += k
        v37 += k
        v38 += k
        v39 += k
        v40 += k
        v41 += k
        v42 += k
        v43 += k
        v44 += k
        v45 += k
        v46 += k
        v47 += k
        v48 += k
        v49 += k
        v50 += k
        v51 += k
        v52 += k
        v53 += k
        v54 += k
        v55 += k
        v56 += k
        v57 += k
        v58 += k
        v59 += k
        v60 += k
        v61 += k
        v62 += k
        v63 += k
        if k == 3:
            break
        if k == 1:
            continue
        acc.append(k)
    else:
        acc.append('no break')
    try:
        [][n]
    except IndexError as e:
        acc.append(str(e))
    if n > 100:
        return 'early', get()
    return sum(x for x in acc if isinstance(x, int)), acc[-1], get(), v229

print(big(1))
print(big(1000))

def fails(n):
    w0 = n * 0
    w1 = n * 1
    w2 = n * 2
    w3 = n * 3
    w4 = n * 4
    w5 = n * 5
    w6 = n * 6
    w7 = n * 7
    w8 = n * 8
    w9 = n * 9
    w10 = n * 10
    w11 = n * 11
    w12 = n * 12
    w13 = n * 13
    w14 = n * 14
    w15 = n * 15
    w16 = n * 16
    w17 = n * 17
    w18 = n * 18
    w19 = n * 19
    w20 = n * 20
    w21 = n * 21
    w22 = n * 22
    w23 = n * 23
    w24 = n * 24
    w25 = n * 25
    w26 = n * 26
    w27 = n * 27
    w28 = n * 28
    w29 = n * 29
    w30 = n * 30
    w31 = n * 31
    w32 = n * 32
    w33 = n * 33
    w34 = n * 34
    w35 = n * 35
    w36 = n * 36
    w37 = n * 37
    w38 = n * 38
    w39 = n * 39
    w40 = n * 40
    w41 = n * 41
    w42 = n * 42
    w43 = n * 43
    w44 = n * 44
    w45 = n * 45
    w46 = n * 46
    w47 = n * 47
    w48 = n * 48
    w49 = n * 49
    w50 = n * 50
    w51 = n * 51
    w52 = n * 52
    w53 = n * 53
    w54 = n * 54
    w55 = n * 55
    w56 = n * 56
    w57 = n * 57
    w58 = n * 58
    w59 = n * 59
    w60 = n * 60
    w61 = n * 61
    w62 = n * 62
    w63 = n * 63
    w64 = n * 64
    w65 = n * 65
    w66 = n * 66
    w67 = n * 67
    w68 = n * 68
    w69 = n * 69
    w70 = n * 70
    w71 = n * 71
    w72 = n * 72
    w73 = n * 73
    w74 = n * 74
    w75 = n * 75
    w76 = n * 76
    w77 = n * 77
    w78 = n * 78
    w79 = n * 79
    w80 = n * 80
    w81 = n * 81
    w82 = n * 82
    w83 = n * 83
    w84 = n * 84
    w85 = n * 85
    w86 = n * 86
    w87 = n * 87
    w88 = n * 88
    w89 = n * 89
    w90 = n * 90
    w91 = n * 91
    w92 = n * 92
    w93 = n * 93
    w94 = n * 94
    w95 = n * 95
    w96 = n * 96
    w97 = n * 97
    w98 = n * 98
    w99 = n * 99
    w100 = n * 100
    w101 = n * 101
    w102 = n * 102
    w103 = n * 103
    w104 = n * 104
    w105 = n * 105
    w106 = n * 106
    w107 = n * 107
    w108 = n * 108
    w109 = n * 109
    w110 = n * 110
    w111 = n * 111
    w112 = n * 112
    w113 = n * 113
    w114 = n * 114
    w115 = n * 115
    w116 = n * 116
    w117 = n * 117
    w118 = n * 118
    w119 = n * 119
    w120 = n * 120
    w121 = n * 121
    w122 = n * 122
    w123 = n * 123
    w124 = n * 124
    w125 = n * 125
    w126 = n * 126
    w127 = n * 127
    w128 = n * 128
    w129 = n * 129
    w130 = n * 130
    w131 = n * 131
    w132 = n * 132
    w133 = n * 133
    w134 = n * 134
    w135 = n * 135
    w136 = n * 136
    w137 = n * 137
    w138 = n * 138
    w139 = n * 139
    w140 = n * 140
    w141 = n * 141
    w142 = n * 142
    w143 = n * 143
    w144 = n * 144
    w145 = n * 145
    w146 = n * 146
    w147 = n * 147
    w148 = n * 148
    w149 = n * 149
    w150 = n * 150
    w151 = n * 151
    w152 = n * 152
    w153 = n * 153
    w154 = n * 154
    w155 = n * 155
    w156 = n * 156
    w157 = n * 157
    w158 = n * 158
    w159 = n * 159
    w160 = n * 160
    w161 = n * 161
    w162 = n * 162
    w163 = n * 163
    w164 = n * 164
    w165 = n * 165
    w166 = n * 166
    w167 = n * 167
    w168 = n * 168
    w169 = n * 169
    w170 = n * 170
    w171 = n * 171
    w172 = n * 172
    w173 = n * 173
    w174 = n * 174
    w175 = n * 175
    w176 = n * 176
    w177 = n * 177
    w178 = n * 178
    w179 = n * 179
    w180 = n * 180
    w181 = n * 181
    w182 = n * 182
    w183 = n * 183
    w184 = n * 184
    w185 = n * 185
    w186 = n * 186
    w187 = n * 187
    w188 = n * 188
    w189 = n * 189
    w190 = n * 190
    w191 = n * 191
    w192 = n * 192
    w193 = n * 193
    w194 = n * 194
    w195 = n * 195
    w196 = n * 196
    w197 = n * 197
    w198 = n * 198
    w199 = n * 199
    w200 = n * 200
    w201 = n * 201
    w202 = n * 202
    w203 = n * 203
    w204 = n * 204
    w205 = n * 205
    w206 = n * 206
    w207 = n * 207
    w208 = n * 208
    w209 = n * 209
    w210 = n * 210
    w211 = n * 211
    w212 = n * 212
    w213 = n * 213
    w214 = n * 214
    w215 = n * 215
    w216 = n * 216
    w217 = n * 217
    w218 = n * 218
    w219 = n * 219
    w220 = n * 220
    w221 = n * 221
    w222 = n * 222
    w223 = n * 223
    w224 = n * 224
    w225 = n * 225
    w226 = n * 226
    w227 = n * 227
    w228 = n * 228
    w229 = n * 229
    w230 = n * 230
    w231 = n * 231
    w232 = n * 232
    w233 = n * 233
    w234 = n * 234
    w235 = n * 235
    w236 = n * 236
    w237 = n * 237
    w238 = n * 238
    w239 = n * 239
    w240 = n * 240
    w241 = n * 241
    w242 = n * 242
    w243 = n * 243
    w244 = n * 244
    w245 = n * 245
    w246 = n * 246
    w247 = n * 247
    w248 = n * 248
    w249 = n * 249
    w250 = n * 250
    w251 = n * 251
    w252 = n * 252
    w253 = n * 253
    w254 = n * 254
    w255 = n * 255
    w256 = n * 256
    w257 = n * 257
    w258 = n * 258
    w259 = n * 259
    w260 = n * 260
    w261 = n * 261
    w262 = n * 262
    w263 = n * 263
    w264 = n * 264
    w265 = n * 265
    w266 = n * 266
    w267 = n * 267
    w268 = n * 268
    w269 = n * 269
    w270 = n * 270
    w271 = n * 271
    w272 = n * 272
    w273 = n * 273
    w274 = n * 274
    w275 = n * 275
    w276 = n * 276
    w277 = n * 277
    w278 = n * 278
    w279 = n * 279
    w280 = n * 280
    w281 = n * 281
    w282 = n * 282
    w283 = n * 283
    w284 = n * 284
    w285 = n * 285
    w286 = n * 286
    w287 = n * 287
    w288 = n * 288
    w289 = n * 289
    w290 = n * 290
    w291 = n * 291
    w292 = n * 292
    w293 = n * 293
    w294 = n * 294
    w295 = n * 295
    w296 = n * 296
    w297 = n * 297
    w298 = n * 298
    w299 = n * 299
    w300 = n * 300
    w301 = n * 301
    w302 = n * 302
    w303 = n * 303
    w304 = n * 304
    w305 = n * 305
    w306 = n * 306
    w307 = n * 307
    w308 = n * 308
    w309 = n * 309
    w310 = n * 310
    w311 = n * 311
    w312 = n * 312
    w313 = n * 313
    w314 = n * 314
    w315 = n * 315
    w316 = n * 316
    w317 = n * 317
    w318 = n * 318
    w319 = n * 319
    w320 = n * 320
    w321 = n * 321
    w322 = n * 322
    w323 = n * 323
    w324 = n * 324
    w325 = n * 325
    w326 = n * 326
    w327 = n * 327
    w328 = n * 328
    w329 = n * 329
    w330 = n * 330
    w331 = n * 331
    w332 = n * 332
    w333 = n * 333
    w334 = n * 334
    w335 = n * 335
    w336 = n * 336
    w337 = n * 337
    w338 = n * 338
    w339 = n * 339
    w340 = n * 340
    w341 = n * 341
    w342 = n * 342
    w343 = n * 343
    w344 = n * 344
    w345 = n * 345
    w346 = n * 346
    w347 = n * 347
    w348 = n * 348
    w349 = n * 349
    return w349 // (n - 5)

try:
    fails(5)
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    while tb.tb_next:
        tb = tb.tb_next
    print('caught from line', tb.tb_lineno)
h0 = g11 + 1
h1 = g12 + 1
h2 = g13 + 1
h3 = g14 + 1
h4 = g15 + 1
h5 = g16 + 1
h6 = g17 + 1
h7 = g18 + 1
h8 = g19 + 1
h9 = g20 + 1
h10 = g21 + 1
h11 = g22 + 1
h12 = g23 + 1
h13 = g24 + 1
h14 = g25 + 1
h15 = g26 + 1
h16 = g27 + 1
h17 = g28 + 1
h18 = g29 + 1
h19 = g30 + 1
h20 = g31 + 1
h21 = g32 + 1
h22 = g33 + 1
h23 = g34 + 1
h24 = g35 + 1
h25 = g36 + 1
h26 = g37 + 1
h27 = g38 + 1
h28 = g39 + 1
h29 = g40 + 1
print('before the error', h29)
fails(5)
print('not reached')
