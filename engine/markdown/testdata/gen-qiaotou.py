# Generates the qiaotou-h1 fixtures: python3 gen-qiaotou.py 120 qiaotou-h1-long.md; python3 gen-qiaotou.py 8 qiaotou-h1-5pages.md
import random
import sys
N=int(sys.argv[1]); OUT=sys.argv[2]
random.seed(7)
cats = ["组织建设","学习培训","维权服务","帮扶救助","就业服务","文体活动","劳动竞赛","女职工工作","共建共治","安全生产","自身建设"]
places = ["社区党群服务中心","南湖鸳鸯度假村","石新路新泰铭居","辖区职工之家","桥头广场","社区多功能活动室","新华书店三楼","区职工服务中心","滨江公园","社区卫生服务站"]
titles = {
 "组织建设":["新建企业工会","工会小组调整","会员信息核对","基层工会换届指导"],
 "学习培训":["工会组长培训","《工会法》学习会","职工书屋读书分享","安全知识讲座"],
 "维权服务":["劳动法律咨询","欠薪问题调解","集体协商指导","职工权益宣传"],
 "帮扶救助":["慰问困难职工","看望住院会员","“金秋助学”走访","爱心捐助"],
 "就业服务":["招聘对接会","技能培训报名","推荐就业","创业政策宣讲"],
 "文体活动":["拔河比赛","广场舞展演","乒乓球友谊赛","“书香三八”读书会"],
 "劳动竞赛":["技能比武","岗位练兵","安全生产知识竞赛","合理化建议征集"],
 "女职工工作":["女职工健康讲座","“两癌”筛查","母婴室建设","女职工权益宣讲"],
 "共建共治":["社区服务日","义务巡逻月","环境整治","邻里议事会"],
 "安全生产":["消防演练","隐患排查","用电安全检查","应急疏散演练"],
 "自身建设":["工会委员会议","财务公开","经审工作","台账整理"],
}
contents = ["就如何协助社区开展好工会工作进行了讲解和讨论","邀请专家围绕职工关心的问题进行了现场解答","通过APP线上报名和现场登记相结合的方式组织会员参加","采取“一对一”结对的方式落实帮扶措施","结合辖区企业实际——特别是小微企业的需要——制定了具体方案","发放宣传资料、张贴海报、开设WiFi学习专区……形式多样"]
results = ["收到了很好的效果","受到会员和居民的普遍欢迎","得到上级工会的充分肯定","进一步增强了会员的归属感","为辖区平安和谐做出了积极贡献"]
acts = []
for i in range(N):
    m = random.randint(1,6); d = random.randint(1,28)
    c = cats[i % len(cats)]
    acts.append((m,d,c,random.choice(titles[c]),random.choice(places),random.randint(8,260),random.choice(contents),random.choice(results)))
acts.sort()
cn = "一二三四五六七八九十"
def cnum(n):
    return cn[n-1] if n<=10 else ("十"+cn[n-11] if n<20 else cn[n//10-1]+"十"+(cn[n%10-1] if n%10 else ""))
out = []
out.append("""---
title: 桥头社区工会2024年上半年工作总结
author: 桥头社区工会
date: 2024年7月10日
lang: zh-CN
issued: 2024-07-10
subject: 半年总结
keywords: [桥头社区工会, 2024年上半年, 工作总结]
profile: official
---
""")
tot = sum(a[5] for a in acts)
out.append(f"桥头社区工会在街道党工委和街道总工会的正确领导下，以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党的二十大精神和中国工会十八大精神，紧紧围绕“服务职工、服务社区”的工作主线，团结带领广大会员和辖区职工建功立业。上半年共开展各类活动{len(acts)}次，参加人数累计{tot}人次；截至2024年6月30日，社区工会在册会员1268人，缴费会员1187人，共收取会费38650.00元，同比增长12.6%。现将上半年工作总结如下。\n")
out.append("# 一、主要工作\n")
ci = -1
for c in cats:
    ca = [a for a in acts if a[2]==c]
    if not ca: continue
    ci += 1
    out.append(f"## （{cnum(ci+1)}）{c}\n")
    people = sum(a[5] for a in ca)
    out.append(f"上半年围绕{c}共开展活动{len(ca)}次，参加人数{people}人次。主要做法如下。\n")
    for ai, a in enumerate(ca):
        m,d,_,t,p,n,con,res = a
        if ai < 3:
            out.append(f"### {ai+1}. {t}\n")
            out.append(f"2024年{m}月{d}日，社区工会在{p}组织开展了{t}活动，共有{n}人参加。活动中{con}，{res}。\n")
        else:
            if ai == 3:
                out.append(f"### 4. 其他活动\n")
            out.append(f"#### （{ai-2}）{t}\n")
            out.append(f"{m}月{d}日，在{p}开展{t}，参加{n}人；{con}，{res}。\n")
out.append("# 二、活动台账\n")
out.append("上半年开展的全部活动见下表（按日期排序）。\n")
out.append("| 序号 | 日期 | 类别 | 活动名称 | 地点 | 参加人数 |")
out.append("|--:|:--|:--|:--|:--|--:|")
for i,a in enumerate(acts):
    m,d,c,t,p,n,_,_ = a
    out.append(f"| {i+1} | 2024年{m}月{d}日 | {c} | {t} | {p} | {n} |")
out.append(f"| | | | **合计** | | **{tot}** |\n")
out.append("# 三、存在的问题\n")
out.append("- 会员参与社区建设的主动性还不够强，部分活动参加人员相对固定。\n- 非公有制企业建会后的规范化建设有待加强，个别小微企业工会活动经费不足。\n- 工会信息化建设相对滞后，线上服务平台的使用率还不高。\n")
out.append("# 四、下半年工作打算\n")
out.append("1. 继续做好建会工作，力争新建企业工会3家，新发展会员50人以上。\n2. 深化“职工之家”建设，全年开展文体活动不少于12次。\n3. 加强困难职工帮扶，做到应帮尽帮、不漏一户。\n")
out.append("下半年，我们将在街道党工委和街道总工会的领导下，进一步增强责任感和使命感，开拓创新、扎实工作，为建设“平安、和谐、幸福”社区作出新的更大贡献。\n")
out.append("::: {.signature}\n桥头社区工会\n\n2024年7月10日\n:::\n")
open(OUT,"w").write("\n".join(out))
