"""Named sources are never flagged: a held-out set for AT101/AT102 precision.

Paragraphs written for newslint in the style of Hindi (and some English) wire and newspaper copy; not
copied from any article, officials' names invented or generic.

- NAMED: figures with a NAMED source in varied shapes — an agency's, ministry's or outlet's report
  with a determiner or a date between owner and noun ("X की अप्रैल 2025 में आई एक रिपोर्ट"), studies
  published in a journal, court filings, wire agencies quoting officials, designation + name, police
  titles, NCRB/WHO data, "X के आंकड़े बताते हैं", "… की पुष्टि X ने की", English "according to …",
  "data released by …", "…, police said", a source in the previous sentence, a source after the
  figure in the same sentence. Expectation: no AT finding at all.
- VAGUE: figures with only a vague source ("एक रिपोर्ट", "मीडिया रिपोर्ट्स", "कुछ रिपोर्टों",
  "सूत्रों", "a study found"), reports whose would-be owner is a time, a place or a topic ("हादसे के
  बाद आई एक रिपोर्ट", "बाढ़ पर जारी रिपोर्ट", "हाल ही में आई"), or no source. Expectation: flagged.

n01–n46 and v01–v22 were written *before* the rules were tuned on them. First run: 39/46 named
paragraphs clean (named-source precision by paragraph 0.85: n01, n11, n25, n30, n34, n38, n40
flagged), 20/22 vague/none exact and 22/22 flagged. b01–b27 and c01–c09 were written after fixing
those, as a second check: first run 23/27 named clean (b01, b02, b10, b12 flagged), 9/9 vague exact.
Every miss was fixed generally (owner search, document verbs, split statements, English owners),
not by adding these strings. See docs/factcheck.md ("Named sources").
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

NAMED = r"""
- {id: n01, group: attribution, published: 2025-06-10, text: "दक्षिण अफ्रीका के स्वास्थ्य विभाग की पिछले सप्ताह जारी एक रिपोर्ट के अनुसार, प्रांत में खसरे के 1,180 मामले दर्ज किए गए हैं।", expect: []}
- {id: n02, group: attribution, published: 2025-06-10, text: "द हिंदू की रिपोर्ट के मुताबिक, बांध टूटने से 14 गांवों में पानी भर गया और 2,300 परिवार विस्थापित हुए।", expect: []}
- {id: n03, group: attribution, published: 2025-06-10, text: "समाचार एजेंसी रॉयटर्स ने स्वास्थ्य मंत्रालय के हवाले से बताया कि हमले में कम से कम 27 लोगों की मौत हो गई।", expect: []}
- {id: n04, group: attribution, published: 2025-06-10, text: "राष्ट्रीय अपराध रिकॉर्ड ब्यूरो (NCRB) के आंकड़ों के मुताबिक, 2023 में देश में साइबर अपराध के 86,420 मामले दर्ज हुए।", expect: []}
- {id: n05, group: attribution, published: 2025-06-10, text: "NCRB के आंकड़ों के मुताबिक राज्य में पिछले साल दहेज हत्या के 1,052 मामले सामने आए।", expect: []}
- {id: n06, group: attribution, published: 2025-06-10, text: "विश्व स्वास्थ्य संगठन (WHO) की ताजा रिपोर्ट में कहा गया है कि दुनिया भर में 1.3 अरब लोग उच्च रक्तचाप से पीड़ित हैं।", expect: []}
- {id: n07, group: attribution, published: 2025-06-10, text: "WHO की ताजा रिपोर्ट के मुताबिक, पिछले साल टीबी से 12.5 लाख लोगों की मौत हुई।", expect: []}
- {id: n08, group: attribution, published: 2025-06-10, text: "जिला पुलिस अधीक्षक राकेश मिश्रा ने बताया कि गिरोह के 9 सदस्यों को गिरफ्तार कर लिया गया है।", expect: []}
- {id: n09, group: attribution, published: 2025-06-10, text: "थाना प्रभारी इंस्पेक्टर सुनील यादव के अनुसार, आरोपियों के पास से 3 देसी तमंचे और 11 जिंदा कारतूस बरामद हुए।", expect: []}
- {id: n10, group: attribution, published: 2025-06-10, text: "According to the India Meteorological Department, 42 people have died in rain-related incidents across the state since June 1.", expect: []}
- {id: n11, group: attribution, published: 2025-06-10, text: "According to data released by the Election Commission, 66.2 per cent of voters cast their ballots in the first phase.", expect: []}
- {id: n12, group: attribution, published: 2025-06-10, text: "बिहार आपदा प्रबंधन विभाग की ओर से जारी बुलेटिन के मुताबिक, राज्य के 16 जिलों में 21 लाख से अधिक लोग बाढ़ से प्रभावित हैं।", expect: []}
- {id: n13, group: attribution, published: 2025-06-10, text: "सुप्रीम कोर्ट में दाखिल हलफनामे में केंद्र सरकार ने कहा है कि देशभर की जेलों में 5.7 लाख कैदी बंद हैं।", expect: []}
- {id: n14, group: attribution, published: 2025-06-10, text: "प्रवर्तन निदेशालय ने अदालत में दायर आरोपपत्र में दावा किया है कि कंपनी ने 2,400 करोड़ रुपये विदेश भेजे।", expect: []}
- {id: n15, group: attribution, published: 2025-06-10, text: "राज्य के स्वास्थ्य मंत्री ने विधानसभा में बताया कि इस साल अब तक डेंगू के 7,812 मामले सामने आए हैं।", expect: []}
- {id: n16, group: attribution, published: 2025-06-10, text: "मुख्य चिकित्सा अधिकारी डॉ. अनिल शर्मा ने मंगलवार को अस्पताल का दौरा करने के बाद हालात की जानकारी दी। जिला अस्पताल में भर्ती 42 मरीजों में से 6 की हालत गंभीर है।", expect: []}
- {id: n17, group: attribution, published: 2025-06-10, text: "हादसे में बस में सवार 19 यात्री घायल हो गए, पुलिस ने बताया।", expect: []}
- {id: n18, group: attribution, published: 2025-06-10, text: "आग में 35 झुग्गियां जलकर खाक हो गईं, दमकल विभाग के एक अधिकारी ने बताया।", expect: []}
- {id: n19, group: attribution, published: 2025-06-10, text: "भारतीय रिजर्व बैंक के गवर्नर संजय मल्होत्रा ने कहा कि चालू वित्त वर्ष में खुदरा महंगाई दर 3.7 प्रतिशत रहने का अनुमान है।", expect: []}
- {id: n20, group: attribution, published: 2025-06-10, text: "राष्ट्रीय सांख्यिकी कार्यालय द्वारा जारी आंकड़ों के अनुसार, अप्रैल-जून तिमाही में जीडीपी वृद्धि दर 7.8 फीसदी रही।", expect: []}
- {id: n21, group: attribution, published: 2025-06-10, text: "समाचार एजेंसी पीटीआई ने अधिकारियों के हवाले से बताया कि भूस्खलन के बाद सुरंग में 8 मजदूर फंसे हुए हैं।", expect: []}
- {id: n22, group: attribution, published: 2025-06-10, text: "अमेरिकी अखबार वॉशिंगटन पोस्ट की एक रिपोर्ट के मुताबिक, कंपनी ने 1,500 कर्मचारियों को नौकरी से निकाल दिया है।", expect: []}
- {id: n23, group: attribution, published: 2025-06-10, text: "हिंदुस्तान टाइम्स की एक खबर के अनुसार, परीक्षा में 3.2 लाख अभ्यर्थी शामिल हुए थे और 41 हजार सफल रहे।", expect: []}
- {id: n24, group: attribution, published: 2025-06-10, text: "बीबीसी से बातचीत में जिलाधिकारी ने बताया कि राहत शिविरों में 4,500 लोगों ने शरण ली है।", expect: []}
- {id: n25, group: attribution, published: 2025-06-10, text: "ऑक्सफैम इंडिया के एक अध्ययन में पाया गया कि देश के सबसे अमीर 1 प्रतिशत लोगों के पास 40 प्रतिशत संपत्ति है।", expect: []}
- {id: n26, group: attribution, published: 2025-06-10, text: "संयुक्त राष्ट्र की शरणार्थी एजेंसी यूएनएचसीआर के अनुसार, संघर्ष के कारण 12 लाख से ज्यादा लोग विस्थापित हुए हैं।", expect: []}
- {id: n27, group: attribution, published: 2025-06-10, text: "उत्तर रेलवे के मुख्य जनसंपर्क अधिकारी हिमांशु शेखर उपाध्याय ने बताया कि कोहरे के कारण 22 ट्रेनें देरी से चल रही हैं और 6 रद्द की गई हैं।", expect: []}
- {id: n28, group: attribution, published: 2025-06-10, text: "इसरो के अध्यक्ष वी नारायणन ने संवाददाताओं से कहा कि मिशन पर करीब 600 करोड़ रुपये खर्च होंगे।", expect: []}
- {id: n29, group: attribution, published: 2025-06-10, text: "आरबीआई की वार्षिक रिपोर्ट में बताया गया है कि वित्त वर्ष 2024-25 में बैंक धोखाधड़ी के 23,953 मामले सामने आए।", expect: []}
- {id: n30, group: attribution, published: 2025-06-10, text: "ग्रामीण विकास मंत्रालय के ताजा आंकड़े बताते हैं कि योजना के तहत इस साल 2.3 करोड़ परिवारों को काम मिला।", expect: []}
- {id: n31, group: attribution, published: 2025-06-10, text: "यूपी पुलिस की ओर से जारी प्रेस विज्ञप्ति में कहा गया कि अभियान के दौरान 214 वांछित अपराधियों को गिरफ्तार किया गया।", expect: []}
- {id: n32, group: attribution, published: 2025-06-10, text: "Police said 14 people were arrested after the clashes in the old city.", expect: []}
- {id: n33, group: attribution, published: 2025-06-10, text: "The death toll has risen to 31, the state disaster management authority said in a statement.", expect: []}
- {id: n34, group: attribution, published: 2025-06-10, text: "Reuters, citing two officials of the health ministry, reported that 48 people had died in the outbreak.", expect: []}
- {id: n35, group: attribution, published: 2025-06-10, text: "कांग्रेस प्रवक्ता पवन खेड़ा का दावा है कि योजना में 10 हजार करोड़ रुपये का घोटाला हुआ है।", expect: []}
- {id: n36, group: attribution, published: 2025-06-10, text: "इंडियन एक्सप्रेस ने सूचना के अधिकार के तहत मिले जवाब के हवाले से लिखा है कि राज्य के 1,240 स्कूलों में एक भी शिक्षक नहीं है।", expect: []}
- {id: n37, group: attribution, published: 2025-06-10, text: "नीति आयोग की 'बहुआयामी गरीबी' रिपोर्ट के मुताबिक, पिछले नौ वर्षों में 24.82 करोड़ लोग गरीबी से बाहर निकले।", expect: []}
- {id: n38, group: attribution, published: 2025-06-10, text: "मेडिकल जर्नल लैंसेट में प्रकाशित एक अध्ययन के अनुसार, भारत में वायु प्रदूषण से हर साल करीब 15 लाख लोगों की मौत होती है।", expect: []}
- {id: n39, group: attribution, published: 2025-06-10, text: "अस्पताल के चिकित्सा अधीक्षक डॉ. मनोज कुमार के मुताबिक, जहरीली शराब पीने से बीमार हुए 23 लोगों का इलाज चल रहा है।", expect: []}
- {id: n40, group: attribution, published: 2025-06-10, text: "संयुक्त राष्ट्र मानवाधिकार कार्यालय की सोमवार को जारी एक रिपोर्ट के मुताबिक, संघर्ष में अब तक 12,300 से अधिक नागरिक मारे जा चुके हैं।", expect: []}
- {id: n41, group: attribution, published: 2025-06-10, text: "गृह मंत्रालय ने लोकसभा में एक सवाल के लिखित जवाब में बताया कि 2024 में नक्सली हिंसा में 122 लोग मारे गए।", expect: []}
- {id: n42, group: attribution, published: 2025-06-10, text: "चुनाव आयोग के मुताबिक, पहले चरण में 64.5 फीसदी मतदान हुआ। आयोग ने बताया कि 1.2 लाख मतदान केंद्रों पर वोट डाले गए।", expect: []}
- {id: n43, group: attribution, published: 2025-06-10, text: "मुख्य सचिव की अध्यक्षता में हुई बैठक के बाद जारी सरकारी बयान के मुताबिक, प्रदेश में 2.1 लाख हेक्टेयर फसल को नुकसान हुआ है।", expect: []}
- {id: n44, group: attribution, published: 2025-06-10, text: "एसएसपी अजय कुमार ने मंगलवार को प्रेस कॉन्फ्रेंस में गिरोह का खुलासा किया। उन्होंने बताया कि आरोपियों ने 40 से ज्यादा लोगों से 2 करोड़ रुपये की ठगी की।", expect: []}
- {id: n45, group: attribution, published: 2025-06-10, text: "स्टेट बैंक ऑफ इंडिया की शोध रिपोर्ट 'इकोरैप' के अनुसार, खुदरा महंगाई अगस्त में 2.1 प्रतिशत रह सकती है।", expect: []}
- {id: n46, group: attribution, published: 2025-06-10, text: "इलाहाबाद हाईकोर्ट में दायर जनहित याचिका में कहा गया है कि प्रशासन ने बिना नोटिस दिए 300 परिवारों को बेघर कर दिया।", expect: []}
# second batch, written after the first fixes
- {id: b01, group: attribution, published: 2025-06-10, text: "हादसे में 5 लोगों की मौत की पुष्टि जिलाधिकारी ने की है।", expect: []}
- {id: b02, group: attribution, published: 2025-06-10, text: "दैनिक भास्कर की पड़ताल में सामने आया कि जिला अस्पताल ने पिछले महीने 380 मरीजों को बिना जांच लौटा दिया।", expect: []}
- {id: b03, group: attribution, published: 2025-06-10, text: "सीएजी की ऑडिट रिपोर्ट में खुलासा हुआ है कि विभाग में 1,200 करोड़ रुपये की अनियमितता हुई।", expect: []}
- {id: b04, group: attribution, published: 2025-06-10, text: "आधिकारिक आंकड़ों के मुताबिक, राज्य में इस साल 412 किसानों ने आत्महत्या की।", expect: []}
- {id: b05, group: attribution, published: 2025-06-10, text: "जनगणना 2011 के अनुसार जिले की साक्षरता दर 61.8 प्रतिशत है।", expect: []}
- {id: b06, group: attribution, published: 2025-06-10, text: "बकौल एसडीएम, बाढ़ से 120 परिवार बेघर हो गए हैं।", expect: []}
- {id: b07, group: attribution, published: 2025-06-10, text: "न्यूयॉर्क टाइम्स ने लिखा है कि हमले में 70 से ज्यादा लोग मारे गए।", expect: []}
- {id: b08, group: attribution, published: 2025-06-10, text: "एम्स के निदेशक डॉ. एम. श्रीनिवास के मुताबिक, अस्पताल की ओपीडी में रोज 12 हजार मरीज आते हैं।", expect: []}
- {id: b09, group: attribution, published: 2025-06-10, text: "Health Minister J.P. Nadda told the Rajya Sabha that 2,390 cases of the disease were reported last year.", expect: []}
- {id: b10, group: attribution, published: 2025-06-10, text: "The ministry's data shows that 1,200 schools have no toilets for girls and 45 per cent lack drinking water.", expect: []}
- {id: b11, group: attribution, published: 2025-06-10, text: "A report by Amnesty International said 300 people were detained without charge.", expect: []}
- {id: b12, group: attribution, published: 2025-06-10, text: "Data from the Centre for Monitoring Indian Economy showed unemployment at 8.1 per cent in June.", expect: []}
- {id: b13, group: attribution, published: 2025-06-10, text: "As per the latest data from the labour ministry, 4.5 lakh workers registered on the portal.", expect: []}
- {id: b14, group: attribution, published: 2025-06-10, text: "पुलिस आयुक्त के ट्वीट के मुताबिक, नए साल की रात 1,540 वाहनों के चालान काटे गए।", expect: []}
- {id: b15, group: attribution, published: 2025-06-10, text: "रेल मंत्रालय के एक प्रवक्ता ने कहा कि हादसे में 17 यात्री घायल हुए हैं।", expect: []}
- {id: b16, group: attribution, published: 2025-06-10, text: "स्वास्थ्य विभाग की ओर से जारी आंकड़ों के अनुसार, जिले में अब तक 312 लोग डेंगू से संक्रमित पाए गए हैं।", expect: []}
- {id: b17, group: attribution, published: 2025-06-10, text: "केंद्र सरकार द्वारा संसद में पेश आर्थिक सर्वेक्षण के मुताबिक, देश की विकास दर 6.5 प्रतिशत रहने का अनुमान है।", expect: []}
- {id: b18, group: attribution, published: 2025-06-10, text: "मंत्रालय की वेबसाइट पर जारी आंकड़ों के मुताबिक, जून में 2.4 करोड़ यात्रियों ने हवाई सफर किया।", expect: []}
- {id: b19, group: attribution, published: 2025-06-10, text: "इंडियन काउंसिल ऑफ मेडिकल रिसर्च (ICMR) के ताजा सर्वे के अनुसार, देश में 10.1 करोड़ लोग मधुमेह से पीड़ित हैं।", expect: []}
- {id: b20, group: attribution, published: 2025-06-10, text: "भारतीय मौसम विज्ञान विभाग ने बताया कि पिछले 24 घंटों में शहर में 210 मिलीमीटर बारिश हुई। विभाग के मुताबिक, जलभराव के कारण 3 लोगों की मौत हो गई।", expect: []}
- {id: b21, group: attribution, published: 2025-06-10, text: "जिलाधिकारी ने बताया कि नाव पर 30 लोग सवार थे। उनमें से 18 को बचा लिया गया है और 12 की तलाश जारी है।", expect: []}
- {id: b22, group: attribution, published: 2025-06-10, text: "पुलिस के मुताबिक आरोपी ने 2019 से अब तक 35 लोगों से 1.8 करोड़ रुपये ठगे हैं।", expect: []}
- {id: b23, group: attribution, published: 2025-06-10, text: "विश्व बैंक की हाल ही में जारी एक रिपोर्ट के मुताबिक, भारत में 12.9 करोड़ लोग अत्यधिक गरीबी में जी रहे हैं।", expect: []}
- {id: b24, group: attribution, published: 2025-06-10, text: "अमर उजाला से बातचीत में सीएमओ ने कहा कि जिले में 45 नए मरीज मिले हैं।", expect: []}
- {id: b25, group: attribution, published: 2025-06-10, text: "यूनिसेफ की 'विश्व के बच्चों की स्थिति' रिपोर्ट के मुताबिक, दुनिया में 18 करोड़ बच्चे भुखमरी के कगार पर हैं।", expect: []}
- {id: b26, group: attribution, published: 2025-06-10, text: "Two people were killed and 11 injured in the blast, Superintendent of Police Ravi Kumar told reporters.", expect: []}
- {id: b27, group: attribution, published: 2025-06-10, text: "अखिल भारतीय किसान सभा का दावा है कि आंदोलन में अब तक 60 किसानों की जान जा चुकी है।", expect: []}
"""

VAGUE = r"""
- {id: v01, group: attribution, published: 2025-06-10, text: "एक रिपोर्ट के मुताबिक, हादसे में 23 लोगों की मौत हो गई।", expect: [{rule: vague-attribution, text: "23 लोगों की मौत"}]}
- {id: v02, group: attribution, published: 2025-06-10, text: "मीडिया रिपोर्ट्स के अनुसार, कंपनी 4,000 कर्मचारियों की छंटनी करने जा रही है।", expect: [{rule: vague-attribution, text: "4,000 कर्मचारियों"}]}
- {id: v03, group: attribution, published: 2025-06-10, text: "कुछ रिपोर्टों में दावा किया गया है कि झड़प में 20 से ज्यादा जवान घायल हुए।", expect: [{rule: vague-attribution, text: "20 से ज्यादा जवान घायल"}]}
- {id: v04, group: attribution, published: 2025-06-10, text: "सूत्रों ने बताया कि छापेमारी में 3 करोड़ रुपये नकद बरामद हुए।", expect: [{rule: vague-attribution, text: "3 करोड़ रुपये"}]}
- {id: v05, group: attribution, published: 2025-06-10, text: "बताया जा रहा है कि नाव में 40 लोग सवार थे।", expect: [{rule: vague-attribution, text: "40 लोग"}]}
- {id: v06, group: attribution, published: 2025-06-10, text: "स्थानीय लोगों का कहना है कि पानी में बहने से 3 बच्चों की मौत हुई है।", expect: [{rule: vague-attribution, text: "3 बच्चों की मौत"}]}
- {id: v07, group: attribution, published: 2025-06-10, text: "अपुष्ट खबरों के मुताबिक, हमले में 12 आतंकी मारे गए।", expect: [{rule: vague-attribution, text: "12 आतंकी मारे गए"}]}
- {id: v08, group: attribution, published: 2025-06-10, text: "सोशल मीडिया पर दावा किया जा रहा है कि रैली में 5 लाख लोग जुटे।", expect: [{rule: vague-attribution, text: "5 लाख लोग"}]}
- {id: v09, group: attribution, published: 2025-06-10, text: "मिली जानकारी के अनुसार, आग में 30 दुकानें जलकर राख हो गईं।", expect: [{rule: vague-attribution, text: "30 दुकानें"}]}
- {id: v10, group: attribution, published: 2025-06-10, text: "कथित तौर पर गिरोह ने 200 से अधिक लोगों से ठगी की।", expect: [{rule: vague-attribution, text: "200 से अधिक लोगों"}]}
- {id: v11, group: attribution, published: 2025-06-10, text: "पटाखा फैक्ट्री में हुए विस्फोट में 9 मजदूरों की मौत हो गई।", expect: [{rule: unattributed-figure, text: "9 मजदूरों की मौत"}]}
- {id: v12, group: attribution, published: 2025-06-10, text: "शहर में इस साल डेंगू के 2,140 मामले सामने आए हैं।", expect: [{rule: unattributed-figure, text: "2,140 मामले"}]}
- {id: v13, group: attribution, published: 2025-06-10, text: "Reports say at least 50 people were killed in the landslide.", expect: [{rule: vague-attribution, text: "50 people were killed"}]}
- {id: v14, group: attribution, published: 2025-06-10, text: "At least 17 people died when the bus plunged into a gorge.", expect: [{rule: unattributed-figure, text: "17 people died"}]}
- {id: v15, group: attribution, published: 2025-06-10, text: "एक अध्ययन में कहा गया है कि 60 प्रतिशत युवा रोज चार घंटे से ज्यादा मोबाइल देखते हैं।", expect: [{rule: vague-attribution, text: "60 प्रतिशत"}]}
- {id: v16, group: attribution, published: 2025-06-10, text: "पुलिस सूत्रों के मुताबिक, आरोपी के खाते में 45 लाख रुपये जमा मिले।", expect: [{rule: vague-attribution, text: "45 लाख रुपये"}]}
- {id: v17, group: attribution, published: 2025-06-10, text: "प्रत्यक्षदर्शियों ने बताया कि धमाके में कम से कम 6 लोग घायल हुए।", expect: [{rule: vague-attribution, text: "6 लोग घायल"}]}
- {id: v18, group: attribution, published: 2025-06-10, text: "चर्चा है कि इस सौदे में 500 करोड़ रुपये का लेनदेन हुआ।", expect: [{rule: vague-attribution, text: "500 करोड़ रुपये"}]}
- {id: v19, group: attribution, published: 2025-06-10, text: "खबरों के मुताबिक, टीम के 11 खिलाड़ी फूड पॉइजनिंग के शिकार होकर अस्पताल में भर्ती हुए।", expect: [{rule: vague-attribution, text: "11 खिलाड़ी"}]}
- {id: v20, group: attribution, published: 2025-06-10, text: "ताजा आंकड़ों के अनुसार, बेरोजगारी दर 8.1 प्रतिशत पर पहुंच गई है।", expect: [{rule: vague-attribution, text: "8.1 प्रतिशत"}]}
- {id: v21, group: attribution, published: 2025-06-10, text: "According to media reports, 300 flights were cancelled and 40 passengers were injured in the stampede.", expect: [{rule: vague-attribution, text: "300 flights"}, {rule: vague-attribution, text: "40 passengers were injured"}]}
- {id: v22, group: attribution, published: 2025-06-10, text: "कई मीडिया रिपोर्टों में दावा किया गया है कि कंपनी पर 8,000 करोड़ रुपये का कर्ज है।", expect: [{rule: vague-attribution, text: "8,000 करोड़ रुपये"}]}
# second batch, written after the first fixes: reports whose 'owner' is a time, a place or a topic
- {id: c01, group: attribution, published: 2025-06-10, text: "हादसे के बाद आई एक रिपोर्ट के मुताबिक, 14 लोग अब भी लापता हैं।", expect: [{rule: vague-attribution, text: "14 लोग"}]}
- {id: c02, group: attribution, published: 2025-06-10, text: "बाढ़ पर जारी एक रिपोर्ट के अनुसार, 2 लाख लोग विस्थापित हुए हैं।", expect: [{rule: vague-attribution, text: "2 लाख लोग"}]}
- {id: c03, group: attribution, published: 2025-06-10, text: "हाल ही में आई एक रिपोर्ट के मुताबिक, देश में 30 प्रतिशत युवा बेरोजगार हैं।", expect: [{rule: vague-attribution, text: "30 प्रतिशत"}]}
- {id: c04, group: attribution, published: 2025-06-10, text: "पिछले साल की एक रिपोर्ट के अनुसार, 40 फीसदी स्कूलों में शौचालय नहीं हैं।", expect: [{rule: vague-attribution, text: "40 फीसदी"}]}
- {id: c05, group: attribution, published: 2025-06-10, text: "According to a report released last month, 65 per cent of the city's lakes have been encroached.", expect: [{rule: vague-attribution, text: "65 per cent"}]}
- {id: c06, group: attribution, published: 2025-06-10, text: "A study found that 70 per cent of children in the district were anaemic.", expect: [{rule: vague-attribution, text: "70 per cent"}]}
- {id: c07, group: attribution, published: 2025-06-10, text: "इस मामले में आई एक रिपोर्ट के मुताबिक, घोटाला 300 करोड़ रुपये का है।", expect: [{rule: vague-attribution, text: "300 करोड़ रुपये"}]}
- {id: c08, group: attribution, published: 2025-06-10, text: "सोशल मीडिया पर जारी आंकड़ों के मुताबिक, 900 लोग घायल हुए।", expect: [{rule: vague-attribution, text: "900 लोग घायल"}]}
- {id: c09, group: attribution, published: 2025-06-10, text: "ताजा सर्वे बताते हैं कि 55 प्रतिशत लोग सरकार से नाखुश हैं।", expect: [{rule: vague-attribution, text: "55 प्रतिशत"}]}
"""


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_factcheck", REPO / "scripts" / "eval_factcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    module = _eval_module()
    out = {}
    for name, data in (("named", NAMED), ("vague", VAGUE)):
        path = tmp_path_factory.mktemp(name) / f"{name}.yaml"
        path.write_text(data, encoding="utf-8")
        out[name] = module.evaluate(path)
    return out


def test_named_sources_never_flagged(results):
    r = results["named"]
    assert r["clean_items_with_attribution_findings"] == 0, r["failures"]
    assert r["groups"]["attribution"]["accuracy"] == 1.0, r["failures"]


def test_vague_and_missing_sources_still_flagged(results):
    r = results["vague"]
    assert r["groups"]["attribution"]["accuracy"] >= 0.9, r["failures"]
    # v19 ("11 खिलाड़ी … अस्पताल में भर्ती") and v21 ("300 flights were cancelled") are counts the
    # rules do not see as figures; v19 is still flagged, on its vague marker "खबरों के मुताबिक".
    assert r["rules"]["unattributed-figure"]["fp"] == 0, r["failures"]
    import yaml

    expected = {item["id"]: len(item["expect"]) for item in yaml.safe_load(VAGUE)}
    unflagged = [f["id"] for f in r["failures"] if not f["extra"] and len(f["missed"]) == expected[f["id"]]]
    assert not unflagged, r["failures"]  # every vague or unsourced paragraph gets an AT finding


def test_named_paragraphs_have_figures_that_are_judged_named():
    """The named set is not passed by missing its figures: nearly every paragraph has a figure
    that is found and judged to have a named source."""
    import yaml

    from newslint.config import Config
    from newslint.context import Context
    from newslint.document import parse_document
    from newslint.factcheck.attribution import analyse
    from newslint.packs import packs_for
    from newslint.source import source_from_bytes

    items = yaml.safe_load(NAMED)
    ctx = Context(config=Config(), packs=packs_for([]))
    missing = []
    for item in items:
        text = f"---\ndate: {item['published']}\n---\n" + item["text"]
        doc = parse_document(source_from_bytes(text.encode("utf-8"), "item.md", max_bytes=0))
        if not any(v.status == "named" for v in analyse(doc, ctx).verdicts):
            missing.append(item["id"])
    assert len(missing) <= 0.1 * len(items), missing
