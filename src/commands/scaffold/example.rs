//! The handbook `shouce init` writes: two industries, a chapter, a page and a case, written as
//! real examples (not placeholders) so that it builds and passes `check` as it is.

/// (path relative to the new handbook folder, text).
pub(super) const FILES: &[(&str, &str)] = &[
    ("handbook.yaml", HANDBOOK),
    ("content/_index.md", HOME),
    ("content/01-basics/_index.md", CHAPTER),
    ("content/01-basics/01-greeting.md", PAGE),
    ("content/01-basics/02-case-waiting.md", CASE),
    ("content/01-basics/img/counter.svg", SVG),
    // Outside content/: the authors' notes are never published or found by search.
    ("写作说明.md", AUTHOR_NOTES),
    (".gitignore", "# the built site: rebuild it with `shouce build`\n/public/\n"),
];

const HANDBOOK: &str = "\
# 手册的设置。改完后运行 shouce build 重新生成网站。
title: 客户服务手册
language: zh-CN        # zh-CN 简体中文（默认），zh-TW 繁体中文，en 英文；网站界面和 shouce 的提示都用它
version: 第 1 版       # 印在培训手册的封面上；不需要就删去这一行
theme: default
industries:            # 每个行业有自己的目录页；页面用 industry: 归入一个或几个行业
  - { id: banking, name: 银行业 }
  - { id: insurance, name: 保险业 }
";

const HOME: &str = "\
---
title: 客户服务手册
summary: 柜面服务规范与案例。
---

欢迎使用本手册。它收录了柜面服务的规范和案例，可以按行业浏览，也可以用页面上方的搜索框查找（按 `/` 键）。
";

const AUTHOR_NOTES: &str = "\
# 怎样修改这本手册

这个文件给编写手册的人看，不在 `content` 文件夹里，所以不会出现在网站上，也搜不到。

- `content` 里的每个文件夹是一章，文件夹里的 `_index.md` 写这一章的标题和导言；`content/_index.md` 是首页。
- 每个 `.md` 文件是一页，开头两行 `---` 之间写标题、所属行业、出处等信息。冒号、逗号和括号都要用半角的（英文输入法）。
- 新建一页：`shouce new page 01-basics/03-phone`；新建一个案例：`shouce new case 01-basics/04-case-refund`。
- 还没写完的页面在页头加一行 `draft: true`，它就不会发布；`shouce serve --drafts` 可以预览。
- 改完后运行 `shouce check` 检查链接、图片和文件名，再运行 `shouce build`，把生成的 `public` 文件夹复制到共享盘。
";

const CHAPTER: &str = "\
---
title: 服务基础
summary: 接待客户的基本规范，以及一个柜面案例。
---

这一章讲每位柜面人员都要做到的基本规范。先读[接待客户](01-greeting.md)，再做[案例](02-case-waiting.md)里的练习。
";

const PAGE: &str = "\
---
title: 接待客户
industry: [banking, insurance]
summary: 三声服务、服务用语和接待话术。
source: 示例页面，请按本单位的服务规范修改
tags: [礼仪, 服务用语]
---

客户走近柜台时，放下手中与客户无关的工作，面带微笑，目光注视客户。

![柜台接待示意图](img/counter.svg)

## 三声服务

- **来有迎声：**客户到来时主动招呼：“您好，请问您办理什么业务？”
- **问有答声：**客户询问时有问必答；答不了的请同事或主管帮忙，不说“不知道”。
- **去有送声：**业务办完后说“请慢走”“欢迎再来”。

## 服务用语

| 情形 | 正确 | 错误 |
| --- | --- | --- |
| 招呼 | 您好，请问您办理什么业务？ | 喂，干什么？ |
| 请客户等候 | 对不起，请您稍等，我马上为您办理。 | 等着！ |
| 客户填错单 | 麻烦您在这里重新填一下，我帮您看着。 | 怎么又填错了？ |

## 接待话术

> [!话术] 客户排队等候太久
>
> **客户：**我都等了半个小时了，你们怎么这么慢！
>
> **应答：**非常抱歉让您久等了，我马上为您办理。请问您办理什么业务？
>
> **注意：**先道歉、再办理；不解释，不争辩。

> [!提示]
> 客户等得不耐烦时还能怎么做，读[案例：客户等得不耐烦了](02-case-waiting.md#案例分析)。
";

const CASE: &str = "\
---
title: 案例：客户等得不耐烦了
industry: banking
summary: 午间客户多、窗口少，一位客户在柜台前发了火。
source: 示例案例，可换成本单位案例分析会记录的真实案例
tags: [案例]
---

## 案例

中午十二点，营业厅只开了两个窗口，等候的客户坐满了大厅。一位客户拿着号走到柜台前。

**客户：**我已经等了四十分钟了！你们中午就开两个窗口，是不是故意的？

**柜员：**中午大家都要吃饭，我们也没办法，您再等等吧。

**客户：**你这是什么态度？我要投诉！

客户转身去找大堂经理，大厅里其他客户也跟着抱怨起来。

## 案例分析

柜员说的是实情，但只讲了自己的难处，没有理会客户的感受。客户等得越久，越需要先听到一句道歉；“我们也没办法”让客户觉得银行不想解决问题，这才是投诉的起因。按[三声服务](01-greeting.md#三声服务)的要求，客户到来时应先主动招呼。

## 练习

> [!练习] 如果你是这位柜员，听到客户的第一句话时，你会怎么说、怎么做？先写下你的答案，再打开下面的参考答案。

> [!答案] 你可以做得更好的是
>
> 1. 先道歉，体谅客户：“真对不起，让您久等了。中午人多，您辛苦了。”
> 2. 马上为客户办理，动作要快而不乱。
> 3. 办完后向主管反映午间窗口不足的问题，而不是向客户解释。
";

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160" width="320" height="160" role="img" aria-labelledby="t">
  <title id="t">柜台接待示意图：柜员起身，面带微笑迎接客户</title>
  <rect x="0" y="100" width="320" height="60" fill="#d9e3ef"/>
  <circle cx="100" cy="52" r="22" fill="#f2c9a0"/>
  <rect x="76" y="76" width="48" height="40" rx="8" fill="#2f5d8a"/>
  <circle cx="220" cy="52" r="22" fill="#f2c9a0"/>
  <rect x="196" y="76" width="48" height="40" rx="8" fill="#8a6d2f"/>
  <text x="100" y="145" font-size="16" text-anchor="middle" fill="#1a1a1a">柜员</text>
  <text x="220" y="145" font-size="16" text-anchor="middle" fill="#1a1a1a">客户</text>
</svg>
"##;
